import type { Window } from "./display-image";
import type { PixelDescription } from "./pixel-description";
import type { Viewport } from "./rendered-params";

// Messages between the request thread and the decode workers (render-pool.ts ↔ render-worker.ts).

export type RenderFormat = "image/png" | "image/jpeg";

export interface RenderRequest {
  kind: "render";
  description: PixelDescription;
  syntaxUid: string;
  window: Window | null;
  /** Absent: the whole image at its size (a thumbnail passes its own square). */
  viewport: Viewport | null;
  format: RenderFormat;
  quality: number;
}

/** A frame decoded to native little-endian pixels (WADO-RS frames asked in Explicit VR Little Endian). */
export interface DecodeRequest {
  kind: "decode";
  description: PixelDescription;
  syntaxUid: string;
}

/** A whole Part 10 file transcoded to Explicit VR Little Endian. */
export interface TranscodeRequest {
  kind: "transcode";
  syntaxUid: string;
}

export type WorkRequest = RenderRequest | DecodeRequest | TranscodeRequest;

export interface WorkTask {
  id: number;
  request: WorkRequest;
  /** The frame (render, decode) or the file (transcode), moved to the worker. */
  buffer: ArrayBuffer;
}

export type WorkReply = { id: number; ok: true; buffer: ArrayBuffer } | { id: number; ok: false; unrenderable: boolean; message: string };

export interface WorkerReady {
  ready: true;
}
