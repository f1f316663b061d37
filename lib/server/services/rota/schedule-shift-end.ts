import "server-only";
import type { Tx } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";

/**
 * The end-of-shift handover, scheduled in the transaction that saves the shift. The key holds
 * the end time: moving the end schedules a new job, and the handler ignores the stale one
 * (it re-reads the shift).
 */
export async function scheduleShiftEnd(tx: Tx, shift: { id: string; endsAt: Date }): Promise<void> {
  await enqueueJob(tx, {
    kind: "shift.ended",
    payload: { shiftId: shift.id },
    runAt: shift.endsAt,
    dedupeKey: `shift.ended:${shift.id}:${shift.endsAt.toISOString()}`,
  });
}
