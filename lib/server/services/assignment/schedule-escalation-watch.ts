import "server-only";
import { nextEscalationLevel } from "@/lib/domain/assignment/escalation-ladder";
import type { Priority } from "@/lib/domain/enums";
import type { Tx } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";
import { escalateAfterSeconds } from "./assignment-inputs";

/**
 * A request goes back to waiting (returned to the pool, or handed to someone who has not
 * acknowledged it yet): watch it again from now, at the next level of the ladder. The key
 * carries the moment, so it does not collide with the checks already run; escalation itself
 * stays idempotent (escalationLevel < level).
 */
export async function scheduleEscalationWatchInTx(tx: Tx, request: { id: string; priority: Priority; escalationLevel: number }, now: Date): Promise<void> {
  const level = request.escalationLevel === 0 ? 1 : nextEscalationLevel(request.escalationLevel);
  if (level === null) return;
  const runAt = new Date(now.getTime() + (await escalateAfterSeconds(tx, request.priority)) * 1000);
  await enqueueJob(tx, { kind: "escalation.check", payload: { requestId: request.id, level }, runAt, dedupeKey: `escalation.check:${request.id}:${level}:${now.toISOString()}` });
}
