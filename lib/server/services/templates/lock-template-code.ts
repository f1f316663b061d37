import "server-only";
import type { Tx } from "../../db/client";

/**
 * Serialises the changes to one template code until the transaction ends: a save reads the
 * latest version and the code's active flag, then inserts the next version; without the lock a
 * concurrent deactivation could miss the new row, or two saves both read the same latest.
 */
export async function lockTemplateCode(tx: Tx, code: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`report-template:${code}`}, 0))`;
}
