import { init as initCore } from "@cornerstonejs/core";
import { init as initDicomImageLoader } from "@cornerstonejs/dicom-image-loader";
import {
  addTool,
  AngleTool,
  CrosshairsTool,
  EllipticalROITool,
  init as initTools,
  LengthTool,
  PanTool,
  PlanarRotateTool,
  ProbeTool,
  RectangleROITool,
  StackScrollTool,
  WindowLevelTool,
  ZoomTool,
} from "@cornerstonejs/tools";
import { isTruncatedCodestream, singlePartTransferSyntax } from "./codestream-check";
import { registerFallbackImageLoader } from "./fallback-image-loader";
import { frameRequestHeaders } from "./frame-requests";

// Cornerstone is initialised once per page load, whatever the number of viewers mounted and
// unmounted since (StrictMode mounts twice): the promise is kept and shared.
let ready: Promise<void> | null = null;

export const REGISTERED_TOOLS = [
  WindowLevelTool,
  PanTool,
  ZoomTool,
  StackScrollTool,
  PlanarRotateTool,
  LengthTool,
  AngleTool,
  EllipticalROITool,
  RectangleROITool,
  ProbeTool,
  CrosshairsTool,
] as const;

/** Decode workers: two at most (the reading workstation also runs the rest of the page). */
export function decodeWorkerCount(): number {
  const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(2, cores - 1));
}

/**
 * A frame whose codestream is cut short never reaches the decoder (see codestream-check.ts):
 * the load is rejected with the reason, and the viewport shows the failure.
 */
function refuseIncompleteCodestream(xhr: XMLHttpRequest): Promise<ArrayBuffer> {
  const body = xhr.response as ArrayBuffer;
  if (!(body instanceof ArrayBuffer) || !isTruncatedCodestream(new Uint8Array(body), singlePartTransferSyntax(xhr.getResponseHeader("Content-Type")))) return Promise.resolve(body);
  // The loader rejects with the request itself, whatever this rejects with: the reason rides on it.
  Object.assign(xhr, { truncatedCodestream: body.byteLength });
  return Promise.reject(new Error("truncated codestream"));
}

export function initCornerstone(): Promise<void> {
  ready ??= Promise.resolve().then(() => {
    initCore();
    initDicomImageLoader({ maxWebWorkers: decodeWorkerCount(), beforeSend: (_xhr, imageId) => frameRequestHeaders(imageId), beforeProcessing: refuseIncompleteCodestream });
    registerFallbackImageLoader();
    initTools();
    for (const tool of REGISTERED_TOOLS) addTool(tool);
  });
  return ready;
}
