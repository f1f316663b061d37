import "server-only";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";

/**
 * A reader's measurements waiting for the report end with their sessions (sign-out, or every
 * session revoked): they are not left on the server for whoever signs in next on this
 * workstation. What was inserted already lives on in the draft's text. Idempotent.
 */
export async function discardReaderMeasurements(tx: Db | Tx, readerId: string, reason: string): Promise<number> {
  const { count } = await tx.reportMeasurement.deleteMany({ where: { readerId } });
  if (count > 0) await writeAudit(tx, { actorId: readerId, action: "REPORT_MEASUREMENTS_DISCARDED", entityType: "User", entityId: readerId, detail: { count, reason } });
  return count;
}
