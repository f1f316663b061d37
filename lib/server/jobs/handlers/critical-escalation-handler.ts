import "server-only";
import { z } from "zod";
import { escalateCriticalFinding } from "../../services/critical/escalate-critical-finding";
import type { JobHandler } from "../job-handler";

const payloadSchema = z.object({ findingId: z.uuid() });

/**
 * "critical.escalation": a vital critical finding's acknowledgement delay passed; escalate it if
 * it is still unacknowledged. The decision uses the runner's clock (context.now). A job run
 * before the deadline (runners' clocks apart) fails so that the runner retries it shortly,
 * rather than being marked done without escalating.
 */
export const criticalEscalationHandler: JobHandler<"critical.escalation"> = async (payload, { db, now }) => {
  const { findingId } = payloadSchema.parse(payload);
  const outcome = await escalateCriticalFinding({ db, findingId, now });
  if (outcome.kind === "SKIPPED" && outcome.reason === "NOT_DUE") throw new Error(`critical finding ${findingId} is not due yet at ${now.toISOString()}`);
};
