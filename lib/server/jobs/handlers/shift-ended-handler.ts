import "server-only";
import { z } from "zod";
import { handOverShift } from "../../services/assignment/hand-over-shift";
import type { JobHandler } from "../job-handler";

const payloadSchema = z.object({ shiftId: z.uuid(), endsAt: z.iso.datetime() });

/**
 * "shift.ended": the payload holds the end the job was scheduled for (a retry keeps it, unlike
 * the job's runAt); a moved or deleted shift makes the job stale and it does nothing.
 */
export const shiftEndedHandler: JobHandler<"shift.ended"> = async (payload, { db, now }) => {
  const { shiftId, endsAt } = payloadSchema.parse(payload);
  await handOverShift({ db, shiftId, scheduledEnd: new Date(endsAt), now });
};
