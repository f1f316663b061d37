import "server-only";
import type { Tx } from "../../db/client";
import type { SignedVersionOut } from "../results-out/queue-results-out";

/** The signed version as DICOM documents to the site's PACS, in the signing transaction. (To be built.) */
export async function queueReportExportsInTx(_tx: Tx, _out: SignedVersionOut): Promise<boolean> {
  return false;
}
