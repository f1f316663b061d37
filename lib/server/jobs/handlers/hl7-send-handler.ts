import "server-only";
import { z } from "zod";
import { sendOutboundMessage } from "../../services/hl7-outbound/send-outbound-message";
import type { JobHandler } from "../job-handler";

const payloadSchema = z.object({ messageId: z.string().regex(/^[0-9]{1,19}$/) });

/**
 * "hl7.send": one attempt at delivering an outbound HL7 message. The message row keeps its own
 * attempts and schedules its own retries (retry-schedule.ts), so the job never fails for a RIS
 * that is down: job failures stay for what is truly broken.
 */
export function makeHl7SendHandler(options: { ackTimeoutMs?: number } = {}): JobHandler<"hl7.send"> {
  return async (payload, { db, now, job }) => {
    const { messageId } = payloadSchema.parse(payload);
    await sendOutboundMessage({ db, messageId: BigInt(messageId), now, jobId: job.id, ackTimeoutMs: options.ackTimeoutMs });
  };
}

export const hl7SendHandler = makeHl7SendHandler();
