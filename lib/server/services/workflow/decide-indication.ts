import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { RequestAction } from "@/lib/domain/request-state-machine";
import type { DecideIndicationInput, IndicationDecision } from "@/lib/domain/workflow/workflow-schemas";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { queueDecisionMessageInTx } from "../hl7-outbound/queue-decision-message";
import { notifyInTx } from "../notifications/notify";
import { loadSubjectFor } from "./load-workflow-subject";
import { transitionInTx } from "./transition-in-tx";

const ACTION: Record<IndicationDecision, RequestAction> = {
  ACCEPT: "ACCEPT_INDICATION",
  MODIFY: "MODIFY_INDICATION",
  REFUSE: "REFUSE_INDICATION",
  REQUEST_INFO: "REQUEST_INFO",
};

/**
 * The justification: the radiologist holding a submitted télédiagnostic accepts the
 * indication, modifies it (proposes another exam), refuses it, or asks the requester for
 * more information (who is alerted; their answer sends the request back to "submitted").
 */
export async function decideIndication(args: { db: Db; actor: Actor; input: DecideIndicationInput }) {
  const { db, actor, input } = args;
  const status = await runUseCase(db, async (tx, effects) => {
    const request = await loadSubjectFor(tx, actor, input.requestId, "DECIDE_INDICATION");
    const status = await transitionInTx(tx, {
      request,
      actor,
      action: ACTION[input.decision],
      reason: input.reason ?? null,
      data: input.decision === "MODIFY" ? { proposedExam: input.proposedExam } : {},
    });
    // A request ordered by the site's RIS: the refusal goes back to it (ORU^R01, OC) through the outbox.
    const queued = await queueDecisionMessageInTx(tx, { requestId: request.id, action: ACTION[input.decision], actor, reason: input.reason ?? null });
    effects.requestChanged(input.requestId, request.siteId);
    if (input.decision === "REQUEST_INFO") await notifyInTx(tx, effects, [{ userId: request.requesterId, kind: "INFO_REQUESTED", requestId: request.id }]);
    if (queued) effects.wakeJobs();
    return status;
  });
  return { requestId: input.requestId, status };
}
