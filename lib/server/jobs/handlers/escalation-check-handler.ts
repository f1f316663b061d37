import "server-only";
import { z } from "zod";
import { escalateRequest } from "../../services/assignment/escalate-request";
import type { JobHandler } from "../job-handler";

const payloadSchema = z.object({ requestId: z.uuid(), level: z.number().int().min(1) });

/** "escalation.check": the priority target passed; escalate if the request is still not taken. */
export const escalationCheckHandler: JobHandler<"escalation.check"> = async (payload, { db, now }) => {
  const { requestId, level } = payloadSchema.parse(payload);
  await escalateRequest({ db, requestId, level, now });
};
