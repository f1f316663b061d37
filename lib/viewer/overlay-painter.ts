import type { StackViewport, Types } from "@cornerstonejs/core";
import { TAGS } from "./dicom-json";
import { isServerRendered } from "./fallback-image-loader";
import { edgeMarkers, edgeMarkersFromPatientOrientation, NO_MARKERS, orientationSource, type Vector3 } from "./orientation-labels";
import { overlayCorners } from "./overlay-text";
import type { LoadedSeries } from "./series-loader";
import { currentWindow } from "./stack-view";
import type { ViewerLabels } from "./viewer-types";
import { writeCorners, writeEdges, type ViewportCell } from "./viewport-cell";

/**
 * Writes a stack viewport's overlay: the four corners, the orientation markers, and data
 * attributes tests and assistive tools read (slice index, window). The screen's right and up
 * directions are measured in patient space, so rotations and flips are accounted for.
 */
export function paintOverlay(cell: ViewportCell, viewport: StackViewport, series: LoadedSeries, labels: ViewerLabels): void {
  // The overlay describes the image Cornerstone displays, not the one it was asked to go to:
  // while a slice is loading (or failed), the text never runs ahead of the pixels.
  const image = viewport.getCornerstoneImage();
  const displayed = image?.imageId ?? "";
  const imageIndex = series.imageIds.indexOf(displayed);
  const dataset = series.datasets.get(displayed);
  if (!dataset || imageIndex < 0) return;
  const window = currentWindow(viewport);
  cell.root.dataset.imageIndex = String(imageIndex);
  cell.root.dataset.imageCount = String(series.imageIds.length);
  if (window) {
    cell.root.dataset.windowCenter = String(Math.round(window.center));
    cell.root.dataset.windowWidth = String(Math.round(window.width));
  }
  writeCorners(cell, overlayCorners(dataset, { index: imageIndex, count: series.imageIds.length, window, zoom: viewport.getZoom(), serverRendered: isServerRendered(image) }, labels.overlay));
  const source = orientationSource(dataset[TAGS.imageOrientation]?.Value, dataset[TAGS.patientOrientation]?.Value);
  const { clientWidth: w, clientHeight: h } = cell.element;
  if (!source || w === 0 || h === 0) {
    writeEdges(cell, NO_MARKERS);
    return;
  }
  const sub = (a: Types.Point3, b: Types.Point3): Vector3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  const right = sub(viewport.canvasToWorld([w, h / 2]), viewport.canvasToWorld([0, h / 2]));
  const up = sub(viewport.canvasToWorld([w / 2, 0]), viewport.canvasToWorld([w / 2, h]));
  writeEdges(cell, source.kind === "patient-space" ? edgeMarkers(right, up, labels.directions) : edgeMarkersFromPatientOrientation(right, up, source.row, source.column, labels.directions));
}
