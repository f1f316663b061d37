import "server-only";
import { z } from "zod";
import { assignWaitingRequests } from "../../services/assignment/assign-waiting-requests";
import type { JobHandler } from "../job-handler";

const payloadSchema = z.object({ shiftId: z.uuid(), startsAt: z.iso.datetime() });

/** "shift.started": a moved or deleted shift makes the job stale and it does nothing. */
export const shiftStartedHandler: JobHandler<"shift.started"> = async (payload, { db, now }) => {
  const { shiftId, startsAt } = payloadSchema.parse(payload);
  await assignWaitingRequests({ db, shiftId, scheduledStart: new Date(startsAt), now });
};
