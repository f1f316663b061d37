import "server-only";
import type { Tx } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";

/**
 * The jobs at a shift's boundaries, scheduled in the transaction that saves the shift: at its
 * start, the requests waiting in the pool of its sites are offered to automatic assignment
 * (the new radiologist on call may be the first eligible one); at its end, the handover. A
 * shift entered after it ended schedules nothing: recording yesterday's rota must not take
 * today's requests away. Keys and payloads hold the times: moving a boundary schedules a new
 * job, and the handlers ignore stale ones (they re-read the shift).
 */
export async function scheduleShiftJobs(tx: Tx, shift: { id: string; startsAt: Date; endsAt: Date }, now: Date): Promise<void> {
  if (shift.endsAt.getTime() <= now.getTime()) return;
  const startsAt = shift.startsAt.toISOString();
  const endsAt = shift.endsAt.toISOString();
  await enqueueJob(tx, {
    kind: "shift.started",
    payload: { shiftId: shift.id, startsAt },
    runAt: shift.startsAt,
    dedupeKey: `shift.started:${shift.id}:${startsAt}`,
  });
  await enqueueJob(tx, {
    kind: "shift.ended",
    payload: { shiftId: shift.id, endsAt },
    runAt: shift.endsAt,
    dedupeKey: `shift.ended:${shift.id}:${endsAt}`,
  });
}

/**
 * A shift that is running is deleted or changed: its radiologist may leave the on-call of its
 * sites now. The handover runs as a job (durable); it keeps the requests of a site where the
 * radiologist is still on call (the changed shift, another shift).
 */
export async function scheduleOffCallIfRunning(
  tx: Tx,
  shift: { id: string; radiologistId: string; startsAt: Date; endsAt: Date; siteIds: string[] },
  now: Date,
): Promise<void> {
  const running = shift.startsAt.getTime() <= now.getTime() && now.getTime() < shift.endsAt.getTime();
  if (!running) return;
  await enqueueJob(tx, {
    kind: "rota.offCall",
    payload: { radiologistId: shift.radiologistId, siteIds: shift.siteIds, shiftId: shift.id },
    runAt: now,
    dedupeKey: `rota.offCall:${shift.id}:${now.toISOString()}`,
  });
}
