import type { ViewerPrior, ViewerStudy } from "@/lib/domain/viewer-opening";
import type { FailureLabels } from "./failure-text";
import type { LayoutId } from "./hanging-protocol";
import type { Measurement } from "./measurements";
import type { OverlayLabels } from "./overlay-text";
import type { PatientDirection } from "./orientation-labels";
import type { PresetId } from "./presets";
import type { ToolId } from "./shortcuts";
import type { LoadFailureReason } from "./viewport-display";

/** The drag-and-drop payload of a series thumbnail: "studyUid|seriesUid". */
export const SERIES_DRAG_TYPE = "application/x-teleradio-series";

export interface ViewerSource {
  studies: ViewerStudy[];
  priors: ViewerPrior[];
}

/** Words the service writes into the image overlays (React passes them in the user's language). */
export interface ViewerLabels {
  overlay: OverlayLabels;
  directions: Record<PatientDirection, string>;
  failure: FailureLabels;
}

export interface ViewportSummary {
  studyInstanceUid: string | null;
  seriesInstanceUid: string | null;
  volumeCapable: boolean;
}

/** What the React chrome (toolbar, panels) draws; the images themselves never go through React. */
export interface ViewerSnapshot {
  status: "idle" | "loading" | "ready" | "error";
  error: { status: number | null; message: string } | null;
  /** The reformats could not be built or lost a slice: they were closed, this says why. */
  mprFailure: LoadFailureReason | null;
  layout: LayoutId;
  activeViewport: number;
  viewports: ViewportSummary[];
  tool: ToolId;
  preset: PresetId | null;
  mpr: boolean;
  cine: { playing: boolean; fps: number };
  /** Frames of the first viewport's series in memory, out of its total. */
  progress: { loaded: number; total: number };
  measurements: Measurement[];
  priorShown: string | null;
  scrollLinked: boolean;
  helpOpen: boolean;
}

export const INITIAL_SNAPSHOT: ViewerSnapshot = {
  status: "idle",
  error: null,
  mprFailure: null,
  layout: "1x1",
  activeViewport: 0,
  viewports: [],
  tool: "windowLevel",
  preset: null,
  mpr: false,
  cine: { playing: false, fps: 15 },
  progress: { loaded: 0, total: 0 },
  measurements: [],
  priorShown: null,
  scrollLinked: false,
  helpOpen: false,
};
