import "server-only";
import type { Priority } from "@/lib/domain/enums";
import type { Tx } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";
import { scheduleEscalationWatchInTx } from "../assignment/schedule-escalation-watch";
import { findOnCall } from "../assignment/find-on-call";
import type { Effects } from "../../use-cases/effects";
import { notifyInTx } from "../notifications/notify";

/**
 * A new request needs a reader from the moment it is submitted: in the submitting transaction,
 * schedule its automatic assignment (when the site has it on) and its first escalation check
 * at the priority's target, and notify the radiologists on call for the site (or, when nobody
 * is, every radiologist reading for it). A vital emergency rings (after commit, through `effects`).
 */
export async function announceNewRequestInTx(
  tx: Tx,
  effects: Effects,
  request: { id: string; siteId: string; priority: Priority; submittedAt: Date },
): Promise<void> {
  const site = await tx.site.findUniqueOrThrow({ where: { id: request.siteId }, select: { autoAssign: true } });
  if (site.autoAssign) {
    await enqueueJob(tx, { kind: "assignment.auto", payload: { requestId: request.id }, runAt: request.submittedAt, dedupeKey: `assignment.auto:${request.id}` });
  }
  // Waiting from submission: the same watch as a request returned to the pool, at level 1.
  await scheduleEscalationWatchInTx(tx, { id: request.id, priority: request.priority, escalationLevel: 0 }, request.submittedAt);

  const recipients = await recipientsFor(tx, request.siteId, request.submittedAt);
  const kind = request.priority === "VITAL" ? "VITAL_EMERGENCY" : "NEW_REQUEST";
  await notifyInTx(tx, effects, recipients.map((userId) => ({ userId, kind, requestId: request.id })));
}

async function recipientsFor(tx: Tx, siteId: string, at: Date): Promise<string[]> {
  const onCall = (await findOnCall({ db: tx, siteId, at })).filter((entry) => entry.hasPrivilege).map((entry) => entry.radiologistId);
  if (onCall.length > 0) return [...new Set(onCall)];
  const readers = await tx.user.findMany({
    where: { role: "RADIOLOGIST", active: true, privileges: { some: { siteId, OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] } } },
    select: { id: true },
  });
  return readers.map((reader) => reader.id);
}
