import "server-only";
import type { Tx } from "../../db/client";
import type { SignedVersionOut } from "../results-out/queue-results-out";

/** The signed version as ORU^R01 to the site's RIS, in the signing transaction. (To be built.) */
export async function queueReportMessageInTx(_tx: Tx, _out: SignedVersionOut): Promise<boolean> {
  return false;
}
