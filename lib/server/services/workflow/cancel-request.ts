import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { queueDecisionMessageInTx } from "../hl7-outbound/queue-decision-message";
import { loadSubjectFor } from "./load-workflow-subject";
import { transitionInTx } from "./transition-in-tx";

/** Cancellation, before reading only, with a reason (the requester, the holder or the head). */
export async function cancelRequest(args: { db: Db; actor: Actor; requestId: string; reason: string }) {
  const { db, actor } = args;
  const status = await runUseCase(db, async (tx, effects) => {
    const request = await loadSubjectFor(tx, actor, args.requestId, "CANCEL");
    const status = await transitionInTx(tx, { request, actor, action: "CANCEL", reason: args.reason });
    // A request ordered by the site's RIS hears of the platform's cancellation (ORU^R01, OC); not of its own.
    const queued = await queueDecisionMessageInTx(tx, { requestId: request.id, action: "CANCEL", actor, reason: args.reason });
    effects.requestChanged(args.requestId, request.siteId);
    if (queued) effects.wakeJobs();
    return status;
  });
  return { requestId: args.requestId, status };
}
