import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Tx } from "../../db/client";
import { queueReportMessageInTx } from "../hl7-outbound/queue-report-message";
import { queueReportExportsInTx } from "../pacs-export/queue-report-exports";

export interface SignedVersionOut {
  requestId: string;
  versionId: string;
  actor: Actor;
  now: Date;
}

/**
 * Where a signed version goes besides the requester, written in the signing transaction (the
 * outbox): the site's RIS as ORU^R01 and the site's PACS as DICOM documents. A version is never
 * signed without its messages, and no message exists for a signature that rolled back. Returns
 * whether anything was queued (the caller wakes the job worker after commit).
 */
export async function queueResultsOutInTx(tx: Tx, out: SignedVersionOut): Promise<boolean> {
  const toRis = await queueReportMessageInTx(tx, out);
  const toPacs = await queueReportExportsInTx(tx, out);
  return toRis || toPacs;
}
