import { SUPPORTED_TRANSFER_SYNTAX_UIDS } from "@/lib/dicom/transfer-syntaxes";

// Which presentation contexts the C-STORE SCP accepts (PS3.7 D.3.3.2): Verification and any
// storage SOP class, each with the first transfer syntax the peer proposes that the archive
// stores as received. Every other context is refused item by item, so a sender learns at
// association time what it must convert instead of failing instance by instance.

export const VERIFICATION_SOP_CLASS = "1.2.840.10008.1.1";

const STANDARD_ROOT = "1.2.840.10008.";
/** Image, waveform, SR, RT, presentation state, encapsulated document... (PS3.4 B.5). */
const STORAGE_ROOT = "1.2.840.10008.5.1.4.1.1.";
/** The standard storage SOP classes filed elsewhere in the UID tree. */
const OTHER_STANDARD_STORAGE = new Set([
  "1.2.840.10008.5.1.4.34.7", // RT Beams Delivery Instruction
  "1.2.840.10008.5.1.4.34.10", // RT Patient Position Acquisition Instruction
  "1.2.840.10008.5.1.4.38.1", // Hanging Protocol
  "1.2.840.10008.5.1.4.39.1", // Color Palette
  "1.2.840.10008.5.1.4.43.1", // Generic Implant Template
  "1.2.840.10008.5.1.4.44.1", // Implant Assembly Template
  "1.2.840.10008.5.1.4.45.1", // Implant Template Group
]);

const SUPPORTED = new Set(SUPPORTED_TRANSFER_SYNTAX_UIDS);

export type ContextDecision = { accept: true; transferSyntaxUid: string } | { accept: false; reason: "abstract-syntax" | "transfer-syntax" };

/**
 * Standard non-storage services (query/retrieve, worklist, commitment, print...) are refused.
 * Private SOP classes (vendor roots) are taken as storage: modalities send their private
 * objects by C-STORE, and the archive keeps them like any other instance.
 */
export function isStorageSopClass(uid: string): boolean {
  if (!uid.startsWith(STANDARD_ROOT)) return uid.length > 0;
  return uid.startsWith(STORAGE_ROOT) || OTHER_STANDARD_STORAGE.has(uid);
}

/** C-FIND SOP classes answered on this port (the handlers: store-scp.ts FIND_HANDLERS). */
export const MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31";
const QUERY_SOP_CLASSES = new Set([MODALITY_WORKLIST_FIND]);
/** dcmjs-dimse reads and writes query identifiers in the uncompressed little endian syntaxes only. */
const QUERY_TRANSFER_SYNTAXES = new Set(["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"]);

export function decidePresentationContext(abstractSyntaxUid: string, proposedTransferSyntaxes: readonly string[]): ContextDecision {
  if (QUERY_SOP_CLASSES.has(abstractSyntaxUid)) {
    const query = proposedTransferSyntaxes.find((uid) => QUERY_TRANSFER_SYNTAXES.has(uid));
    return query ? { accept: true, transferSyntaxUid: query } : { accept: false, reason: "transfer-syntax" };
  }
  if (abstractSyntaxUid !== VERIFICATION_SOP_CLASS && !isStorageSopClass(abstractSyntaxUid)) return { accept: false, reason: "abstract-syntax" };
  // The peer lists its preference first (PS3.8 9.3.2.2).
  const chosen = proposedTransferSyntaxes.find((uid) => SUPPORTED.has(uid));
  return chosen ? { accept: true, transferSyntaxUid: chosen } : { accept: false, reason: "transfer-syntax" };
}
