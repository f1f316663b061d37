"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { INDICATION_DECISIONS, type IndicationDecision } from "@/lib/domain/workflow/workflow-schemas";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { ActMessage, FieldError } from "./act-message";
import { useActCallbacks } from "./use-act";

/** The justification: accept, modify (another exam), refuse, or ask the requester a question. */
export function IndicationDecisionForm({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [decision, setDecision] = useState<IndicationDecision>("ACCEPT");
  const [reason, setReason] = useState("");
  const [proposedExam, setProposedExam] = useState("");
  const { feedback, callbacks } = useActCallbacks(requestId, "workflow.decision.done");
  const mutation = useMutation(trpc.workflow.decideIndication.mutationOptions(callbacks));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(decision === "MODIFY" ? { requestId, decision, reason, proposedExam } : { requestId, decision, reason });
  }

  return (
    <form onSubmit={onSubmit} data-testid="indication-form" className="act-form">
      <h3>{t("workflow.decision.title")}</h3>
      <fieldset className="choices">
        {INDICATION_DECISIONS.map((value) => (
          <label key={value}>
            <input type="radio" name="decision" value={value} checked={decision === value} onChange={() => setDecision(value)} />{" "}
            {t(`workflow.decision.${value}`)}
          </label>
        ))}
      </fieldset>
      {decision === "MODIFY" && (
        <div>
          <label htmlFor="proposedExam">{t("workflow.decision.proposedExam")}</label>
          <input id="proposedExam" value={proposedExam} onChange={(e) => setProposedExam(e.target.value)} />
          <FieldError feedback={feedback} field="proposedExam" />
        </div>
      )}
      <div>
        <label htmlFor="decision-reason">{decision === "REQUEST_INFO" ? t("workflow.decision.question") : t("workflow.decision.reason")}</label>
        <textarea id="decision-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        <FieldError feedback={feedback} field="reason" />
      </div>
      <button type="submit" disabled={mutation.isPending}>
        {t("workflow.decision.submit")}
      </button>
      <ActMessage feedback={feedback} />
    </form>
  );
}
