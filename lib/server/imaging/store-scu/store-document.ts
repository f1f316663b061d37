import "server-only";
import { readMetaHeader } from "@/lib/dicom/read-meta-header";
import { EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN } from "@/lib/dicom/transfer-syntaxes";
import { parsedDataset, storedDataset } from "../query-retrieve/dimse-datasets";
import { CStoreRequest } from "../query-retrieve/qr-dimse";
import { type MoveTarget, openStoreAssociation } from "../query-retrieve/store-sinks";
import { chooseEncoding } from "../query-retrieve/sub-operations";

// One document (a Part 10 file of ours) stored at a peer by C-STORE, as an SCU on an association
// of its own: the platform's AE title calling, the destination's called. What came back is told
// apart for the outbox: the peer said yes (success or warning), the peer said no (association
// rejected, no context for the class, a failure status), or the peer was never heard (no
// connection, a timeout, a connection dropped before the answer), which is worth another try.

export type StoreDocumentOutcome =
  | { kind: "stored"; status: number }
  | { kind: "refused"; status: number | null; reason: string }
  | { kind: "unreachable"; reason: string };

export async function storeDocument(args: { target: MoveTarget; callingAeTitle: string; part10: Uint8Array; timeoutMs: number }): Promise<StoreDocumentOutcome> {
  const bytes = Buffer.from(args.part10.buffer, args.part10.byteOffset, args.part10.byteLength);
  const meta = readMetaHeader(bytes);
  const opening = await openStoreAssociation({
    target: args.target,
    callingAeTitle: args.callingAeTitle,
    proposals: [{ sopClassUid: meta.mediaStorageSopClassUid, transferSyntaxUids: [EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN] }],
    timeoutMs: args.timeoutMs,
  });
  if (!opening.ok) return opening.refused ? { kind: "refused", status: null, reason: opening.reason } : { kind: "unreachable", reason: opening.reason };
  const { association } = opening;
  try {
    const encoding = chooseEncoding(association.accepted(), meta.mediaStorageSopClassUid, meta.transferSyntaxUid);
    if (encoding.kind === "none") return { kind: "refused", status: null, reason: encoding.reason };
    const dataset =
      encoding.kind === "as-stored"
        ? storedDataset(bytes, meta.datasetOffset, meta.transferSyntaxUid, meta.mediaStorageSopClassUid, meta.mediaStorageSopInstanceUid)
        : parsedDataset(bytes, meta.datasetOffset, meta.transferSyntaxUid);
    const request = new CStoreRequest(dataset);
    request.setAffectedSopClassUid(meta.mediaStorageSopClassUid);
    request.setAffectedSopInstanceUid(meta.mediaStorageSopInstanceUid);
    let status: number;
    try {
      status = await association.store(request);
    } catch (error) {
      return { kind: "unreachable", reason: error instanceof Error ? error.message : String(error) };
    }
    // PS3.4 B.2.3: 0000 success, B000/B007/B006 warnings (stored, perhaps coerced); all else a failure.
    if (status === 0 || (status & 0xf000) === 0xb000) return { kind: "stored", status };
    // A7xx "Refused: Out of Resources" is the PACS saying "later" (a full disk, a busy archive):
    // tried again on the retry schedule rather than failed for good.
    if ((status & 0xff00) === 0xa700) return { kind: "unreachable", reason: `C-STORE refused for now: ${storeFailureMeaning(status)} (status ${statusHex(status)})` };
    return { kind: "refused", status, reason: `C-STORE failed: ${storeFailureMeaning(status)}` };
  } finally {
    await association.release();
  }
}

/** What a C-STORE failure status means (PS3.4 B.2.3, PS3.7 C), for the board and the audit. */
export function storeFailureMeaning(status: number): string {
  if ((status & 0xff00) === 0xa700) return "the PACS is out of resources";
  if ((status & 0xff00) === 0xa900) return "the PACS says the data set does not match its SOP class";
  if ((status & 0xf000) === 0xc000) return "the PACS cannot understand the document";
  if (status === 0x0122) return "the PACS does not take this SOP class";
  if (status === 0x0124) return "the PACS refuses this sender (not authorised)";
  if (status === 0x0111) return "the PACS holds another document under this instance UID";
  return "refused by the PACS";
}

export function statusHex(status: number): string {
  return status.toString(16).toUpperCase().padStart(4, "0");
}
