// What one stack viewport may put on screen, as a pure state machine. The rule it keeps: the
// viewport shows pixels only in "shown", and only of the series it was last asked to show.
// Every load into a viewport takes a token; results of an older load (success or failure) are
// dropped, so a slow earlier series can neither paint over nor clear a later one.

import { LoadDeadlineError } from "./load-deadline";

export type LoadFailureReason =
  | { kind: "http"; status: number }
  | { kind: "decode"; message: string }
  /** A compressed frame whose codestream ends early (refused before decoding: codestream-check.ts). */
  | { kind: "truncated"; bytes: number }
  /** No answer within the load's deadline (load-deadline.ts): a hang shown as a failure. */
  | { kind: "timeout"; seconds: number }
  | { kind: "empty-series" }
  | { kind: "unknown"; message: string };

export interface ViewportFailure {
  /** 0-based index of the image that failed; null when the series itself failed (metadata). */
  imageIndex: number | null;
  reason: LoadFailureReason;
}

export interface ViewportDisplay {
  token: number;
  phase: "empty" | "loading" | "shown" | "failed";
  /** The series this viewport was last asked to show (study/series key), once its metadata is in. */
  seriesKey: string | null;
  failure: ViewportFailure | null;
}

export const EMPTY_DISPLAY: ViewportDisplay = { token: 0, phase: "empty", seriesKey: null, failure: null };

export type DisplayEvent =
  /** A new load starts: whatever was on screen goes at once. */
  | { type: "reserve" }
  /** The load `token` has its series' metadata and hands it to Cornerstone. */
  | { type: "series"; token: number; seriesKey: string }
  /** Cornerstone put an image of `seriesKey` in the viewport. */
  | { type: "imageShown"; seriesKey: string }
  /**
   * A load failed. `token`: the load it belongs to, when known (metadata, setStack). For an
   * image, `imageIndex` and `targetIndex` (the image the viewport is going to): a failure of any
   * other image (prefetch, a slice scrolled past) does not concern what is on screen.
   */
  | { type: "failed"; token?: number; seriesKey?: string; imageIndex: number | null; targetIndex?: number; reason: LoadFailureReason }
  /** The viewport is emptied (layout change, a study that does not fill it). */
  | { type: "empty" };

export function nextDisplay(state: ViewportDisplay, event: DisplayEvent): ViewportDisplay {
  switch (event.type) {
    case "reserve":
      return { token: state.token + 1, phase: "loading", seriesKey: null, failure: null };
    case "series":
      if (event.token !== state.token || state.phase !== "loading") return state;
      return { ...state, seriesKey: event.seriesKey };
    case "imageShown":
      if (state.seriesKey === null || event.seriesKey !== state.seriesKey || state.phase === "empty") return state;
      return { ...state, phase: "shown", failure: null };
    case "failed": {
      if (state.phase === "empty") return state;
      if (event.token !== undefined && event.token !== state.token) return state;
      if (event.seriesKey !== undefined && event.seriesKey !== state.seriesKey) return state;
      if (event.imageIndex !== null && event.targetIndex !== undefined && event.imageIndex !== event.targetIndex) return state;
      return { ...state, phase: "failed", failure: { imageIndex: event.imageIndex, reason: event.reason } };
    }
    case "empty":
      return { token: state.token + 1, phase: "empty", seriesKey: null, failure: null };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Pixels (and the overlay describing them) are on screen only for an image of the series asked for. */
export function showsPixels(state: ViewportDisplay): boolean {
  return state.phase === "shown";
}

/** Reads a failure out of what Cornerstone's loader, the fetch or a decode worker rejected with. */
export function describeLoadError(error: unknown): LoadFailureReason {
  const truncated = typeof error === "object" && error !== null ? (error as { truncatedCodestream?: unknown }).truncatedCodestream : undefined;
  if (typeof truncated === "number") return { kind: "truncated", bytes: truncated };
  if (error instanceof LoadDeadlineError) return { kind: "timeout", seconds: error.seconds };
  const status = typeof error === "object" && error !== null ? (error as { status?: unknown }).status : undefined;
  // The image loader rejects with { request, response, status } for an HTTP answer it refuses.
  if (typeof status === "number" && status >= 400) return { kind: "http", status };
  const nested = typeof error === "object" && error !== null ? (error as { error?: unknown }).error : undefined;
  if (nested !== undefined && nested !== error) return describeLoadError(nested);
  if (error instanceof Error) return { kind: "decode", message: error.message };
  if (typeof error === "string" && error) return { kind: "decode", message: error };
  return { kind: "unknown", message: shortText(error) };
}

function shortText(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 120);
  } catch {
    // A circular object (a worker's event, say): its constructor's name is all we can tell.
    return value.constructor.name;
  }
}

/** What the viewer knows of an image Cornerstone says it decoded. */
export interface DecodedImageFacts {
  rows: number;
  columns: number;
  /** Values in the decoded pixel array (samples, for colour). */
  values: number;
  min: number;
  max: number;
}

/**
 * Why a "decoded" image is not an image, or null. A codec may report success on a codestream
 * it could not read (OpenJPEG logs "failed to read the header" and hands back an empty frame):
 * such a frame is a failure to show, never a black image with the series' name on it.
 */
export function decodedImageProblem(image: DecodedImageFacts): string | null {
  if (!(image.rows > 0 && image.columns > 0)) return `${image.columns}×${image.rows} px`;
  if (!(image.values >= image.rows * image.columns)) return `${image.values}/${image.rows * image.columns} px`;
  if (!Number.isFinite(image.min) || !Number.isFinite(image.max)) return "NaN";
  return null;
}
