import { EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN } from "@/lib/dicom/transfer-syntaxes";

// The C-STORE sub-operations of a C-MOVE or C-GET (PS3.4 C.4.2.3, C.4.3.3): how each stored
// instance goes on the negotiated association, how the outcomes are counted, and the final
// status. Pure.

export const SUCCESS = 0x0000;
export const PENDING = 0xff00;
export const CANCEL = 0xfe00;
/** Warning: sub-operations complete, one or more failures or warnings. */
export const SUB_OPERATIONS_WARNING = 0xb000;
/** Refused: out of resources, unable to perform sub-operations (none could be done). */
export const UNABLE_TO_PERFORM_SUB_OPERATIONS = 0xa702;
/** Refused: Move Destination unknown. */
export const MOVE_DESTINATION_UNKNOWN = 0xa801;
/** Error: Identifier does not match SOP Class. */
export const IDENTIFIER_DOES_NOT_MATCH = 0xa900;
/** Refused: out of resources, unable to calculate the number of matches. */
export const TOO_MANY_MATCHES = 0xa700;
/** Failed: unable to process. */
export const UNABLE_TO_PROCESS = 0xc000;

export interface AcceptedStoreContext {
  abstractSyntaxUid: string;
  transferSyntaxUid: string;
}

/** As stored (byte for byte), converted by the library between the uncompressed syntaxes, or not at all. */
export type StoreEncoding = { kind: "as-stored" } | { kind: "converted" } | { kind: "none"; reason: string };

const UNCOMPRESSED = new Set([EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN]);

export function chooseEncoding(accepted: readonly AcceptedStoreContext[], sopClassUid: string, storedTransferSyntaxUid: string): StoreEncoding {
  const forClass = accepted.filter((context) => context.abstractSyntaxUid === sopClassUid);
  if (forClass.length === 0) return { kind: "none", reason: `no accepted presentation context for SOP class ${sopClassUid}` };
  if (forClass.some((context) => context.transferSyntaxUid === storedTransferSyntaxUid)) return { kind: "as-stored" };
  // Explicit and implicit VR little endian differ only in how elements are encoded; compressed
  // pixel data is never decompressed here (the archive keeps what it received).
  if (UNCOMPRESSED.has(storedTransferSyntaxUid) && forClass.some((context) => UNCOMPRESSED.has(context.transferSyntaxUid))) return { kind: "converted" };
  return { kind: "none", reason: `stored in ${storedTransferSyntaxUid}, which the peer did not accept for ${sopClassUid}` };
}

export interface SubOperationCounts {
  remaining: number;
  completed: number;
  failed: number;
  warning: number;
  /** Failed SOP Instance UID List (0008,0058) of the final response. */
  failedUids: string[];
}

export function startCounts(total: number): SubOperationCounts {
  return { remaining: total, completed: 0, failed: 0, warning: 0, failedUids: [] };
}

/** Counts one C-STORE response status (PS3.4 B.2.3): 0000 success, Bxxx warning, anything else failure. */
export function countOutcome(counts: SubOperationCounts, sopInstanceUid: string, status: number | null): void {
  counts.remaining--;
  if (status === SUCCESS) counts.completed++;
  else if (status !== null && (status & 0xf000) === 0xb000) counts.warning++;
  else {
    counts.failed++;
    counts.failedUids.push(sopInstanceUid);
  }
}

/** Counts the instances never attempted (a cancel, a lost association) as failed. */
export function failRemaining(counts: SubOperationCounts, sopInstanceUids: readonly string[]): void {
  for (const uid of sopInstanceUids) countOutcome(counts, uid, null);
}

/** The final status: cancelled, all done, some failed or warned (B000), or none done at all (A702). */
export function finalStatus(counts: SubOperationCounts, cancelled: boolean): number {
  if (cancelled) return CANCEL;
  if (counts.failed === 0 && counts.warning === 0) return SUCCESS;
  if (counts.completed === 0 && counts.warning === 0) return UNABLE_TO_PERFORM_SUB_OPERATIONS;
  return SUB_OPERATIONS_WARNING;
}
