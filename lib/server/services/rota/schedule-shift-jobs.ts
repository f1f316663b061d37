import "server-only";
import type { Tx } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";

/**
 * The jobs at a shift's boundaries, scheduled in the transaction that saves the shift: at its
 * start, the requests waiting in the pool of its sites are offered to automatic assignment
 * (the new radiologist on call may be the first eligible one); at its end, the handover. Keys
 * hold the times: moving a boundary schedules a new job, and the handlers ignore stale ones
 * (they re-read the shift).
 */
export async function scheduleShiftJobs(tx: Tx, shift: { id: string; startsAt: Date; endsAt: Date }): Promise<void> {
  await enqueueJob(tx, {
    kind: "shift.started",
    payload: { shiftId: shift.id },
    runAt: shift.startsAt,
    dedupeKey: `shift.started:${shift.id}:${shift.startsAt.toISOString()}`,
  });
  await enqueueJob(tx, {
    kind: "shift.ended",
    payload: { shiftId: shift.id },
    runAt: shift.endsAt,
    dedupeKey: `shift.ended:${shift.id}:${shift.endsAt.toISOString()}`,
  });
}
