"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage, failureHidesContent } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { RequestImagesPanel } from "../images/request-images-panel";
import { CalendarDate, LocalDateTime } from "../local-date-time";
import { HoldActions } from "./hold-actions";
import { AssignmentPanel } from "../assignment/assignment-panel";
import { RequestPresence } from "../presence/presence-badge";
import { RequestThread } from "../thread/request-thread";
import { WorkflowPanel } from "../workflow/workflow-panel";
import { ReportPanel } from "../reports/report-panel";
import { CriticalFindingsPanel } from "../critical/critical-findings-panel";
import { PrescriptionPrintSheet } from "../print/prescription-print-sheet";
import { PrintButton } from "../print/print-button";
import { ReportPrintHead } from "../print/print-request-facts";
import { RequestTimeline } from "./request-timeline";
import { PostExamPanel, RisOrderDetails } from "./ris-order-details";
import { RisMessagesBlock } from "../hl7/ris-messages-block";
import { PacsExportsBlock } from "../pacs-export/pacs-exports-block";

export function RequestDetailView(props: { requestId: string; actorId: string; canClaim: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.requests.byId.queryOptions({ requestId: props.requestId }));
  if (failureHidesContent(query)) return <p className="form-error">{errorMessage(query.error, t)}</p>;
  const request = query.data;
  if (!request) return <p className="muted">{t("app.loading")}</p>;

  const c = request.contrast;
  return (
    <article data-testid="request-detail" className="request-screen">
      <PrescriptionPrintSheet request={request} />
      <ReportPrintHead request={request} />
      <p className="request-print">
        <PrintButton target="request" label="print.requestButton" />
      </p>
      <h1>
        <span className={`badge priority-${request.priority}`}>{t(`priority.${request.priority}`)}</span>{" "}
        {t(`requestType.${request.type}`)} · {request.modality} {request.bodyRegion}
      </h1>
      <RequestPresence requestId={request.id} actorId={props.actorId} />
      <div className="detail-grid">
        <section className="panel">
          <dl className="facts">
            <dt>{t("worklist.columns.status")}</dt>
            <dd data-testid="status">{t(`status.${request.status}`)}</dd>
            <dt>{t("worklist.columns.site")}</dt>
            <dd>{request.site.name}</dd>
            <dt>{t("detail.requester")}</dt>
            <dd>{request.requester.name}</dd>
            <dt>{t("detail.submittedAt")}</dt>
            <dd>
              <LocalDateTime date={request.submittedAt} />
            </dd>
            <dt>{t("detail.holder")}</dt>
            <dd data-testid="holder">{request.holder?.name ?? t("worklist.unassigned")}</dd>
          </dl>
          {props.canClaim && (
            <p>
              <HoldActions requestId={request.id} holderId={request.holder?.id ?? null} actorId={props.actorId} />
            </p>
          )}
        </section>
        <section className="panel">
          <dl className="facts">
            <dt>{t("detail.patient")}</dt>
            <dd data-testid="patient-name">
              {request.patient.familyName.toUpperCase()} {request.patient.givenName}
            </dd>
            <dt>{t("detail.birthDate")}</dt>
            <dd data-testid="patient-birth-date">
              <CalendarDate iso={request.patient.birthDate} />
            </dd>
            <dt>{t("form.sex")}</dt>
            <dd>{t(`sex.${request.patient.sex}`)}</dd>
            <dt>{t("form.sitePatientId")}</dt>
            <dd data-testid="patient-ipp">
              {request.patientIdentity.sitePatientId}
              {request.patientIdentity.sitePatientIdIssuer && <span className="muted"> ({request.patientIdentity.sitePatientIdIssuer})</span>}
            </dd>
            <dt>{t("detail.ins")}</dt>
            <dd data-testid="patient-ins">{request.patientIdentity.ins ?? t("detail.notGiven")}</dd>
            {request.patientIdentity.ins && (
              <>
                <dt>{t("detail.insStatus")}</dt>
                <dd data-testid="patient-ins-status">{request.patientIdentity.insStatus ? t(`insStatus.${request.patientIdentity.insStatus}`) : t("detail.notGiven")}</dd>
              </>
            )}
          </dl>
        </section>
      </div>
      <AssignmentPanel requestId={request.id} />
      <WorkflowPanel request={request} />
      <RisMessagesBlock requestId={request.id} />
      <PacsExportsBlock requestId={request.id} />
      <ReportPanel requestId={request.id} actorId={props.actorId} requesterId={request.requester.id} />
      <CriticalFindingsPanel requestId={request.id} />
      <section className="panel" style={{ marginTop: "1rem" }}>
        <h2>{t("form.clinicalContext")}</h2>
        <p style={{ whiteSpace: "pre-wrap" }}>{request.clinicalContext}</p>
        <h2>{t("form.clinicalQuestion")}</h2>
        <p style={{ whiteSpace: "pre-wrap" }}>{request.clinicalQuestion}</p>
        <RisOrderDetails order={request.order} />
        {request.expertQuestion && (
          <>
            <h2>{t("form.expertQuestion")}</h2>
            <p style={{ whiteSpace: "pre-wrap" }}>{request.expertQuestion}</p>
          </>
        )}
        {c && (
          <>
            <h2>{t("form.sections.contrast")}</h2>
            <dl className="facts">
              <dt>{t("form.renalFunction")}</dt>
              <dd>{c.renalFunction ? t(`renalFunction.${c.renalFunction}` as MessageKey) : t("detail.notGiven")}{c.egfr ? ` (${t("detail.egfr", { egfr: c.egfr })})` : ""}</dd>
              <dt>{t("form.contrastAllergy")}</dt>
              <dd>{c.contrastAllergy ? t(`yesNoUnknown.${c.contrastAllergy}` as MessageKey) : t("detail.notGiven")}</dd>
              <dt>{t("form.pregnancy")}</dt>
              <dd>{c.pregnancy ? t(`pregnancy.${c.pregnancy}` as MessageKey) : t("detail.notGiven")}</dd>
              <dt>{t("form.metformin")}</dt>
              <dd>{c.metformin ? t(`yesNoUnknown.${c.metformin}` as MessageKey) : t("detail.notGiven")}</dd>
            </dl>
          </>
        )}
      </section>
      <PostExamPanel postExam={request.postExam} />
      <section className="panel" style={{ marginTop: "1rem" }}>
        <h2>{t("images.title")}</h2>
        {request.imagesAfterSigningAt && (
          <p className="warning" role="alert" data-testid="images-after-signing">
            {t("detail.imagesAfterSigning")}
          </p>
        )}
        <RequestImagesPanel requestId={request.id} />
      </section>
      <section className="panel" style={{ marginTop: "1rem" }}>
        <h2>{t("detail.timeline")}</h2>
        <RequestTimeline events={request.timeline} />
      </section>
      <section className="panel" style={{ marginTop: "1rem" }}>
        <RequestThread requestId={request.id} actorId={props.actorId} />
      </section>
    </article>
  );
}
