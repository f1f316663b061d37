"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { RequestDetail } from "@/lib/server/services/requests/get-request";
import { CancelRequestForm } from "./cancel-request-form";
import { IndicationDecisionForm } from "./indication-decision-form";
import { InformationAnswerForm } from "./information-answer-form";
import { PatientInformedAction } from "./patient-informed-action";
import { PrescriptionSummary } from "./prescription-summary";
import { ProtocolForm } from "./protocol-form";

/** The request's next step for this user: exactly the acts the server says they may perform. */
export function WorkflowPanel({ request }: { request: RequestDetail }) {
  const { t } = useI18n();
  const acts = new Set(request.workflow.availableActs);
  const question = request.status === "INFO_REQUESTED" ? request.timeline.findLast((event) => event.toStatus === "INFO_REQUESTED")?.reason : undefined;
  return (
    <section className="panel" style={{ marginTop: "1rem" }} data-testid="workflow-panel">
      <h2>{t("workflow.title")}</h2>
      {question && (
        <p className="warning" data-testid="pending-question">
          {t("workflow.info.pendingQuestion", { question })}
        </p>
      )}
      <PrescriptionSummary workflow={request.workflow} />
      {acts.has("DECIDE_INDICATION") && <IndicationDecisionForm requestId={request.id} />}
      {acts.has("PROVIDE_INFO") && <InformationAnswerForm requestId={request.id} />}
      {acts.has("SEND_PROTOCOL") && <ProtocolForm requestId={request.id} findings={request.workflow.contrastFindings} />}
      {acts.has("RECORD_PATIENT_INFORMED") && <PatientInformedAction requestId={request.id} />}
      {acts.has("CANCEL") && <CancelRequestForm requestId={request.id} />}
    </section>
  );
}
