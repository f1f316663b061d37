"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { ReportDestinationDto } from "@/lib/server/services/report-destinations/list-report-destinations";
import { useTRPC } from "@/lib/trpc/react";
import { EMPTY_DESTINATION, MoveDestinationForm } from "./move-destination-form";
import { problemOf } from "./move-destinations-editor";
import { SettingsMessage } from "./settings-message";
import { useSettingsFeedback } from "./use-settings-mutation";

const EMPTY_REPORT_DESTINATION = { ...EMPTY_DESTINATION, sendPdf: true, sendSr: false };

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
  const createProblem = problemOf(create.error);
  return (
    <section className="panel" data-testid="report-destinations-editor" aria-labelledby="report-destinations-title">
      <h2 id="report-destinations-title">{t("reportDestinations.title")}</h2>
      <p className="muted">{t("reportDestinations.intro")}</p>
      {destinations.data && destinations.data.length === 0 && <p>{t("reportDestinations.none")}</p>}
      {destinations.data && destinations.data.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="report-destinations-title" tabIndex={0}>
          <table className="worklist">
            <thead>
              <tr>
                <th>{t("reportDestinations.site")}</th>
                <th>{t("reportDestinations.label")}</th>
                <th>{t("reportDestinations.aeTitle")}</th>
                <th>
                  {t("reportDestinations.host")}:{t("reportDestinations.port")}
                </th>
                <th>{t("reportDestinations.formats")}</th>
                <th>{t("reportDestinations.state")}</th>
                <th aria-label={t("reportDestinations.edit")} />
              </tr>
            </thead>
            <tbody>
              {destinations.data.map((destination) => (
                <ReportDestinationRow key={JSON.stringify(destination)} destination={destination} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("reportDestinations.add")}</h3>
      <MoveDestinationForm
        key={formKey}
        messages="reportDestinations"
        initial={EMPTY_REPORT_DESTINATION}
        sites={sites.data?.sites ?? []}
        serverProblem={createProblem}
        submitLabel={t("reportDestinations.create")}
        pending={create.isPending}
        onSubmit={(values) => create.mutate({ ...values, sendPdf: values.sendPdf === true, sendSr: values.sendSr === true })}
        testId="report-destination-add"
      />
      <SettingsMessage message={createProblem ? null : added.message} testId="report-destinations-message" />
    </section>
  );
}

function ReportDestinationRow({ destination }: { destination: ReportDestinationDto }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const feedback = useSettingsFeedback("reportDestinations.saved", trpc.reportDestinations.list.queryKey());
  const update = useMutation(trpc.reportDestinations.update.mutationOptions(feedback.callbacks));
  const problem = problemOf(update.error);
  const values = { label: destination.label, aeTitle: destination.aeTitle, host: destination.host, port: destination.port, sendPdf: destination.sendPdf, sendSr: destination.sendSr };
  const formats = [destination.sendPdf && t("reportDestinations.pdfShort"), destination.sendSr && t("reportDestinations.srShort")].filter(Boolean).join(" + ");
  return (
    <tr data-testid="report-destination-row" data-ae-title={destination.aeTitle}>
      {editing ? (
        <td colSpan={7}>
          <MoveDestinationForm
            messages="reportDestinations"
            initial={{ ...values, siteId: destination.siteId, port: String(destination.port) }}
            serverProblem={problem}
            submitLabel={t("reportDestinations.save")}
            pending={update.isPending}
            onSubmit={(edited) => update.mutate({ id: destination.id, label: edited.label, aeTitle: edited.aeTitle, host: edited.host, port: edited.port, sendPdf: edited.sendPdf === true, sendSr: edited.sendSr === true, active: destination.active })}
            onCancel={() => setEditing(false)}
            testId={`report-destination-edit-${destination.id}`}
          />
          <SettingsMessage message={problem ? null : feedback.message} testId="report-destination-row-message" />
        </td>
      ) : (
        <>
          <td>{destination.siteName}</td>
          <td>{destination.label}</td>
          <td>
            <code>{destination.aeTitle}</code>
          </td>
          <td>
            {destination.host}:{destination.port}
          </td>
          <td>{formats}</td>
          <td>{destination.active ? t("reportDestinations.active") : t("reportDestinations.inactive")}</td>
          <td>
            <div className="account-actions">
              <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={`${t("reportDestinations.edit")} ${destination.aeTitle}`}>
                {t("reportDestinations.edit")}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={update.isPending}
                onClick={() => update.mutate({ id: destination.id, ...values, active: !destination.active })}
                aria-label={`${destination.active ? t("reportDestinations.deactivate") : t("reportDestinations.reactivate")} ${destination.aeTitle}`}
              >
                {destination.active ? t("reportDestinations.deactivate") : t("reportDestinations.reactivate")}
              </button>
            </div>
            <SettingsMessage message={feedback.message?.kind === "error" && !problem ? feedback.message : null} testId="report-destination-row-error" />
          </td>
        </>
      )}
    </tr>
  );
}
