"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage, isForbiddenError } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { PrintButton } from "../print/print-button";
import { PatientInformationBlocker } from "./patient-information-blocker";
import { ReportHistory } from "./report-history";
import { ReportEditor } from "./report-editor";

/**
 * The request's report: start reading, the holder's draft, the signed versions with their
 * delivery, and the addendum that corrects them. What is offered comes from the server.
 */
export function ReportPanel(props: { requestId: string; actorId: string; requesterId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Radiographers do not read reports: the refusal hides the panel and is not retried.
  const query = useQuery(trpc.reports.forRequest.queryOptions({ requestId: props.requestId }, { retry: (failures, error) => !isForbiddenError(error) && failures < 1 }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.reports.forRequest.queryKey({ requestId: props.requestId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId: props.requestId }) }),
    ]);
  const start = useMutation(trpc.reports.startReading.mutationOptions({ onSettled: refresh }));
  const addendum = useMutation(trpc.reports.startAddendum.mutationOptions({ onSettled: refresh }));
  const panel = query.data;
  if (!panel) return query.error && !isForbiddenError(query.error) ? <p className="form-error">{errorMessage(query.error, t)}</p> : null;
  const nothing = !panel.can.startReading && !panel.readingBlocker && !panel.draft && panel.signed.length === 0;
  if (nothing) return null;
  const failure = start.error ?? addendum.error;

  return (
    <section className="panel" style={{ marginTop: "1rem" }} data-testid="report-panel">
      <h2>{t("report.title")}</h2>
      {panel.signed.length > 0 && <PrintButton target="report" label="print.reportButton" />}
      {panel.informers ? (
        <PatientInformationBlocker requestId={props.requestId} informers={panel.informers} />
      ) : (
        panel.readingBlocker && <p className="warning">{t(`report.blockers.${panel.readingBlocker}` as MessageKey)}</p>
      )}
      {panel.can.startReading && (
        <button type="button" disabled={start.isPending} onClick={() => start.mutate({ requestId: props.requestId })}>
          {t("report.startReading")}
        </button>
      )}
      {panel.signed.length > 0 && <ReportHistory requestId={props.requestId} versions={panel.signed} actorId={props.actorId} requesterId={props.requesterId} />}
      {panel.can.startAddendum && (
        <p>
          <button type="button" className="secondary" disabled={addendum.isPending} onClick={() => addendum.mutate({ requestId: props.requestId })}>
            {t("report.startAddendum")}
          </button>
        </p>
      )}
      {panel.draft && <ReportEditor key={panel.draft.id} requestId={props.requestId} draft={panel.draft} templates={panel.templates} />}
      {failure && (
        <p className="action-error" role="alert">
          {errorMessage(failure, t)}
        </p>
      )}
    </section>
  );
}
