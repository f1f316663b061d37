"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { DestinationsEditor } from "./dicom-destinations-editor";
import { EMPTY_DESTINATION } from "./move-destination-form";
import { useSettingsFeedback } from "./use-settings-mutation";

/** "PACS du site : envoi des comptes rendus": where each site's signed reports are stored by C-STORE, in which formats. */
export function ReportDestinationsEditor() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const destinations = useQuery(trpc.reportDestinations.list.queryOptions());
  const sites = useQuery(trpc.settings.sites.queryOptions());
  const [formKey, setFormKey] = useState(0);
  const added = useSettingsFeedback("reportDestinations.created", trpc.reportDestinations.list.queryKey());
  const create = useMutation(
    trpc.reportDestinations.create.mutationOptions({
      ...added.callbacks,
      onSuccess: () => {
        added.callbacks.onSuccess();
        setFormKey((key) => key + 1);
      },
    }),
  );
  const formats = (row: { sendPdf: boolean; sendSr: boolean }) => [row.sendPdf && t("reportDestinations.pdfShort"), row.sendSr && t("reportDestinations.srShort")].filter(Boolean).join(" + ");
  return (
    <DestinationsEditor
      messages="reportDestinations"
      testId="report-destination"
      empty={{ ...EMPTY_DESTINATION, sendPdf: true, sendSr: false }}
      destinations={destinations.data}
      sites={sites.data?.sites ?? []}
      create={{ mutate: (values) => create.mutate({ ...values, sendPdf: values.sendPdf === true, sendSr: values.sendSr === true }), isPending: create.isPending, error: create.error, message: added.message, formKey }}
      useUpdate={function useUpdate() {
        const feedback = useSettingsFeedback("reportDestinations.saved", trpc.reportDestinations.list.queryKey());
        const update = useMutation(trpc.reportDestinations.update.mutationOptions(feedback.callbacks));
        return {
          mutate: ({ id, label, aeTitle, host, port, active, sendPdf, sendSr }) => update.mutate({ id, label, aeTitle, host, port, active, sendPdf: sendPdf === true, sendSr: sendSr === true }),
          isPending: update.isPending,
          error: update.error,
          message: feedback.message,
        };
      }}
      extraHeaders={<th>{t("reportDestinations.formats")}</th>}
      extraCells={(destination) => <td>{formats(destination)}</td>}
      fieldsOf={(destination) => ({ siteId: destination.siteId, label: destination.label, aeTitle: destination.aeTitle, host: destination.host, port: String(destination.port), sendPdf: destination.sendPdf, sendSr: destination.sendSr })}
    />
  );
}
