import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";
import { runUseCase } from "../../use-cases/run-use-case";
import { canWatchOutbound } from "./outbound-access";

/**
 * Sends a FAILED outbound message again, as it was (same MSH-10, so the RIS can tell a resend),
 * with a fresh retry schedule. Refused when a later message of the same request is already on
 * its way or delivered: resending the older one would overtake it at the RIS (an OK after the OC).
 */
export async function retryOutboundMessage(args: { db: Db; actor: Actor; messageId: string; now?: Date }): Promise<{ id: string; state: "QUEUED" }> {
  const { db, actor } = args;
  if (!canWatchOutbound(actor)) throw new AppError("FORBIDDEN", "Only a department head or an administrator sends RIS messages again");
  const id = BigInt(args.messageId);
  const now = args.now ?? new Date();
  await runUseCase(db, async (tx, effects) => {
    const [message] = await tx.$queryRaw<{ state: string; requestId: string | null; attempts: number; risInterfaceId: string | null; errorText: string | null }[]>`
      SELECT state::text AS state, "requestId", attempts, "risInterfaceId", "errorText" FROM "Hl7Message" WHERE id = ${id} AND direction = 'OUTBOUND' FOR UPDATE`;
    if (!message) throw new AppError("NOT_FOUND", "Outbound message not found");
    if (message.state !== "FAILED") throw new AppError("INVALID_TRANSITION", "Only a failed message is sent again", { action: "RETRY", from: message.state });
    const ris = message.risInterfaceId ? await tx.risInterface.findUnique({ where: { id: message.risInterfaceId }, select: { active: true, outboundHost: true, siteId: true } }) : null;
    if (!ris?.active || !ris.outboundHost) throw new AppError("INVALID_TRANSITION", "The RIS interface is deactivated or has no outbound address", { action: "RETRY", from: "NO_OUTBOUND" });
    if (message.requestId) {
      const later = await tx.hl7Message.count({ where: { requestId: message.requestId, direction: "OUTBOUND", id: { gt: id }, state: { not: "FAILED" } } });
      if (later > 0) throw new AppError("INVALID_TRANSITION", "A later message of this request was sent meanwhile: resending this one would overtake it", { action: "RETRY", from: "SUPERSEDED" });
    }
    await tx.hl7Message.update({ where: { id }, data: { state: "QUEUED", attempts: 0, ackCode: null, errorText: null, updatedAt: now } });
    await enqueueJob(tx, { kind: "hl7.send", payload: { messageId: id.toString() }, runAt: now, dedupeKey: `hl7.send:${id}:manual:${now.getTime()}:${actor.id}` });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "HL7_MESSAGE_RETRIED",
      entityType: "Hl7Message",
      entityId: id.toString(),
      siteId: ris.siteId,
      detail: { requestId: message.requestId, previousAttempts: message.attempts, previousError: message.errorText },
    });
    if (message.requestId) effects.requestChanged(message.requestId, ris.siteId);
    effects.wakeJobs();
  });
  return { id: id.toString(), state: "QUEUED" };
}
