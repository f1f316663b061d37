import "server-only";
import { z } from "zod";
import { autoAssignRequest } from "../../services/assignment/auto-assign-request";
import type { JobHandler } from "../job-handler";

const payloadSchema = z.object({ requestId: z.uuid() });

/** "assignment.auto": a new request needs a reader. Skips (no error) when nobody is eligible. */
export const autoAssignHandler: JobHandler<"assignment.auto"> = async (payload, { db, now }) => {
  await autoAssignRequest({ db, requestId: payloadSchema.parse(payload).requestId, now });
};
