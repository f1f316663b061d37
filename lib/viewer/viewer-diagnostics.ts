import { cache, getRenderingEngines } from "@cornerstonejs/core";
import { annotation } from "@cornerstonejs/tools";
import { liveDecodeWorkers } from "./decode-workers";

// What Cornerstone holds in this page, whichever viewer created it. After a viewer is left,
// everything here must be back to zero: the leak test reads it through the window.

export interface ViewerDiagnostics {
  renderingEngines: number;
  cacheBytes: number;
  annotations: number;
  decodeWorkers: number;
}

export function viewerDiagnostics(): ViewerDiagnostics {
  return {
    renderingEngines: getRenderingEngines()?.length ?? 0,
    cacheBytes: cache.getCacheSize(),
    annotations: annotation.state.getAllAnnotations().length,
    decodeWorkers: liveDecodeWorkers(),
  };
}

declare global {
  interface Window {
    teleradioViewerDiagnostics?: () => ViewerDiagnostics;
  }
}

if (typeof window !== "undefined") window.teleradioViewerDiagnostics = viewerDiagnostics;
