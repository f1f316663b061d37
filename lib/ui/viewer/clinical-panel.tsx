"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import type { RequestDetail } from "@/lib/server/services/requests/get-request";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { ContrastFindings } from "../workflow/contrast-findings";

/**
 * The request's clinical information beside the images, so the reader does not switch tabs.
 * Read through the request's detail procedure (scoped and audited), keyed by the page's own
 * request: it can only ever show that request. A failed load shows the error and nothing of
 * an earlier answer, which could be out of date.
 */
export function ClinicalPanel({ requestId, open, onToggle }: { requestId: string; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.requests.byId.queryOptions({ requestId }));
  const section = useRef<HTMLElement>(null);
  // Below the images on a narrow screen: opening it (with C) brings it into view.
  useEffect(() => {
    if (open) section.current?.scrollIntoView({ block: "nearest" });
  }, [open]);

  return (
    <section ref={section} className="viewer-panel clinical-panel" data-testid="clinical-panel" data-open={open}>
      <h2>
        <button type="button" className="clinical-toggle" aria-expanded={open} aria-controls="clinical-panel-body" data-testid="toggle-clinical-panel" title={open ? t("clinicalPanel.hide") : t("clinicalPanel.show")} onClick={onToggle}>
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> {t("clinicalPanel.title")} <kbd>C</kbd>
        </button>
      </h2>
      {open ? (
        // A scrolling region: focusable and named, so a keyboard user can scroll it too.
        <div id="clinical-panel-body" className="clinical-body" tabIndex={0} role="region" aria-label={t("clinicalPanel.title")}>
          {query.isError ? (
            <div role="alert" className="form-error" data-testid="clinical-panel-error">
              <p>{t("clinicalPanel.loadError", { message: errorMessage(query.error, t) })}</p>
              <button type="button" className="secondary" onClick={() => void query.refetch()}>
                {t("clinicalPanel.retry")}
              </button>
            </div>
          ) : query.data ? (
            <ClinicalFacts request={query.data} />
          ) : (
            <p className="muted">{t("app.loading")}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}

function ClinicalFacts({ request }: { request: RequestDetail }) {
  const { t } = useI18n();
  const c = request.contrast;
  const protocol = request.workflow.protocol;
  const given = (key: string | null, prefix: string) => (key ? t(`${prefix}.${key}` as MessageKey) : t("detail.notGiven"));
  return (
    <>
      <p className="clinical-line">
        <span className={`badge priority-${request.priority}`}>{t(`priority.${request.priority}`)}</span> {t(`requestType.${request.type}`)}
      </p>
      <dl className="clinical-facts">
        <dt>{t("clinicalPanel.exam")}</dt>
        <dd>
          {request.modality} · {request.bodyRegion}
        </dd>
        <dt>{t("clinicalPanel.requester")}</dt>
        <dd data-testid="clinical-requester">
          {request.requester.name} · {request.site.name}
        </dd>
      </dl>
      <h3>{t("clinicalPanel.question")}</h3>
      <p className="clinical-text clinical-question" data-testid="clinical-question">
        {request.clinicalQuestion}
      </p>
      {request.expertQuestion ? (
        <>
          <h3>{t("clinicalPanel.expertQuestion")}</h3>
          <p className="clinical-text">{request.expertQuestion}</p>
        </>
      ) : null}
      <h3>{t("clinicalPanel.context")}</h3>
      <p className="clinical-text" data-testid="clinical-context">
        {request.clinicalContext}
      </p>
      {c ? (
        <div data-testid="clinical-safety">
          <h3>{t("clinicalPanel.safety")}</h3>
          <ContrastFindings findings={request.workflow.contrastFindings} />
          <dl className="clinical-facts">
            <dt>{t("form.renalFunction")}</dt>
            <dd data-testid="safety-renal">
              {given(c.renalFunction, "renalFunction")}
              {c.egfr ? ` (${t("detail.egfr", { egfr: c.egfr })})` : ""}
            </dd>
            <dt>{t("form.contrastAllergy")}</dt>
            <dd data-testid="safety-allergy">{given(c.contrastAllergy, "yesNoUnknown")}</dd>
            <dt>{t("form.pregnancy")}</dt>
            <dd data-testid="safety-pregnancy">{given(c.pregnancy, "pregnancy")}</dd>
            <dt>{t("form.metformin")}</dt>
            <dd data-testid="safety-metformin">{given(c.metformin, "yesNoUnknown")}</dd>
          </dl>
        </div>
      ) : null}
      <div data-testid="clinical-protocol">
        <h3>{t("clinicalPanel.protocol")}</h3>
        {request.workflow.proposedExam ? <p>{t("clinicalPanel.proposedExam", { exam: request.workflow.proposedExam })}</p> : null}
        {protocol ? (
          <>
            <p className="clinical-text">
              <strong>{[protocol.label, protocol.text].filter(Boolean).join(" — ")}</strong>
            </p>
            <p>{protocol.contrast ? t("workflow.protocol.withContrast") : t("workflow.protocol.withoutContrast")}</p>
            {protocol.overrideReason ? <p className="warning">{t("workflow.protocol.override", { reason: protocol.overrideReason })}</p> : null}
          </>
        ) : (
          <p className="muted">{t("clinicalPanel.noProtocol")}</p>
        )}
      </div>
    </>
  );
}
