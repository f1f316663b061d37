import "server-only";
import { z } from "zod";
import { handOverShift } from "../../services/assignment/hand-over-shift";
import type { JobHandler } from "../job-handler";

const payloadSchema = z.object({ shiftId: z.uuid() });

/**
 * "shift.ended": the rota scheduled it at the shift's end, so the job's runAt is the end it
 * was meant for; a moved or deleted shift makes the job stale and it does nothing.
 */
export const shiftEndedHandler: JobHandler<"shift.ended"> = async (payload, { db, now, job }) => {
  await handOverShift({ db, shiftId: payloadSchema.parse(payload).shiftId, scheduledEnd: job.runAt, now });
};
