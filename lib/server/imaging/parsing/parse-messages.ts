import type { DicomRejectionCode } from "../../../dicom/dicom-rejection";
import type { ParsedInstance } from "../../../dicom/parse-instance";

// What the request thread and a parse worker say to each other.

export interface ParseTask {
  id: number;
  buffer: ArrayBuffer;
}

export type ParseReply =
  | { id: number; ok: true; parsed: ParsedInstance; buffer: ArrayBuffer }
  | { id: number; ok: false; code: DicomRejectionCode; message: string; buffer: ArrayBuffer };

/** Sent once by a worker when it can take jobs. */
export interface WorkerReady {
  ready: true;
}
