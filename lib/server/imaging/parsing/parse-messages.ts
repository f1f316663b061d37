import type { DicomRejectionCode } from "../../../dicom/dicom-rejection";
import type { ParsedInstance } from "../../../dicom/parse-instance";

// What the request thread and a parse worker say to each other.

export interface ParseTask {
  id: number;
  buffer: ArrayBuffer;
  /** Also decode the pixels to digest them (decoded-pixel-digest.ts): only to compare with a stored copy. */
  decodePixels?: boolean;
}

/**
 * A parse as the request thread receives it: the DICOM JSON metadata (tens of KB of nested
 * objects) already serialised by the worker, which is how it is stored (a jsonb parameter).
 * A structured clone of the deep object, then JSON.stringify on the request thread, cost it
 * more than copying one string.
 */
export type ParsedForIndex = Omit<ParsedInstance, "metadata"> & { metadataJson: string };

export type ParseReply =
  | { id: number; ok: true; parsed: ParsedForIndex; fileSha256: string; decoded?: DecodedDigests; buffer: ArrayBuffer }
  | { id: number; ok: false; code: DicomRejectionCode; message: string; buffer: ArrayBuffer };

/** Sent once by a worker when it can take jobs. */
export interface WorkerReady {
  ready: true;
}

/** What tells the same instance in another lossless compression: attributes and decoded pixels. */
export interface DecodedDigests {
  attributes: string;
  /** Null when the pixels cannot be compared decoded (lossy syntax, 1-bit, undecodable). */
  pixels: string | null;
}
