"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { RequestWorkflow } from "@/lib/server/services/requests/request-workflow-dto";
import { LocalDateTime } from "../local-date-time";

/**
 * What was decided so far: the exam proposed instead, the protocol (the radiographer's
 * prescription) and whether the patient was informed of the remote act.
 */
export function PrescriptionSummary({ workflow }: { workflow: RequestWorkflow }) {
  const { t } = useI18n();
  const { protocol, patientInformation } = workflow;
  return (
    <div data-testid="prescription">
      {workflow.requiredSubspecialty && (
        <p>
          {t("workflow.subspecialty")} : {t(`subspecialty.${workflow.requiredSubspecialty}`)}
        </p>
      )}
      {workflow.proposedExam && <p data-testid="proposed-exam">{t("workflow.protocol.proposedExam", { exam: workflow.proposedExam })}</p>}
      {protocol && (
        <div className="prescription" data-testid="protocol-summary">
          <h3>{t("workflow.protocol.prescription")}</h3>
          <p>
            <strong>{[protocol.label, protocol.text].filter(Boolean).join(" — ")}</strong>
          </p>
          <p>{protocol.contrast ? t("workflow.protocol.withContrast") : t("workflow.protocol.withoutContrast")}</p>
          {protocol.overrideReason && <p className="warning">{t("workflow.protocol.override", { reason: protocol.overrideReason })}</p>}
        </div>
      )}
      {patientInformation && (
        <div data-testid="patient-information">
          <h3>{t("workflow.patientInfo.title")}</h3>
          <p className="muted">{t(`workflow.patientInfo.${patientInformation.policy}`)}</p>
          {patientInformation.informedAt ? (
            <p>
              {t("workflow.patientInfo.informed", { name: patientInformation.informedBy ?? "" })}{" "}
              <LocalDateTime date={patientInformation.informedAt} />
            </p>
          ) : (
            <p className={patientInformation.policy === "REQUIRED" ? "warning" : "muted"}>{t("workflow.patientInfo.notInformed")}</p>
          )}
        </div>
      )}
    </div>
  );
}
