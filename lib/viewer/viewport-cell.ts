import type { OverlayCorners } from "./overlay-text";
import type { EdgeMarkers } from "./orientation-labels";

// The DOM of one viewport: the element Cornerstone renders into, its text overlay (four
// corners), orientation markers on the four edges and a loading bar. Built by the service
// inside the container React gives it, so React never re-renders on a scroll.

export interface ViewportCell {
  root: HTMLDivElement;
  /** The element Cornerstone enables. */
  element: HTMLDivElement;
  corners: Record<keyof OverlayCorners, HTMLDivElement>;
  edges: Record<keyof EdgeMarkers, HTMLDivElement>;
  progress: HTMLDivElement;
  progressBar: HTMLDivElement;
  /** Shown inside the viewport when what it was asked to show failed: which series, image, why. */
  failure: HTMLDivElement;
  failureText: HTMLDivElement;
  retry: HTMLButtonElement;
}

function div(className: string, parent: HTMLElement, testId?: string): HTMLDivElement {
  const el = document.createElement("div");
  el.className = className;
  if (testId) el.dataset.testid = testId;
  parent.appendChild(el);
  return el;
}

export function createViewportCell(parent: HTMLElement, name: string): ViewportCell {
  const root = div("viewer-cell", parent, "viewer-viewport");
  root.dataset.viewport = name;
  const element = div("viewer-element", root, "viewer-element");
  // Right-drag zooms: the browser's context menu would cover the image.
  element.addEventListener("contextmenu", (event) => event.preventDefault());
  const overlay = div("viewer-overlay", root);
  const corners = {
    topLeft: div("viewer-corner viewer-corner-tl", overlay, "overlay-top-left"),
    topRight: div("viewer-corner viewer-corner-tr", overlay, "overlay-top-right"),
    bottomLeft: div("viewer-corner viewer-corner-bl", overlay, "overlay-bottom-left"),
    bottomRight: div("viewer-corner viewer-corner-br", overlay, "overlay-bottom-right"),
  };
  const edges = {
    left: div("viewer-edge viewer-edge-left", overlay, "orientation-left"),
    right: div("viewer-edge viewer-edge-right", overlay, "orientation-right"),
    top: div("viewer-edge viewer-edge-top", overlay, "orientation-top"),
    bottom: div("viewer-edge viewer-edge-bottom", overlay, "orientation-bottom"),
  };
  const progress = div("viewer-progress", root, "viewer-progress");
  const progressBar = div("viewer-progress-bar", progress);
  const failure = div("viewer-failure", root, "viewport-error");
  failure.setAttribute("role", "alert");
  failure.hidden = true;
  const failureText = div("viewer-failure-text", failure, "viewport-error-text");
  const retry = document.createElement("button");
  retry.type = "button";
  retry.dataset.testid = "viewport-retry";
  failure.appendChild(retry);
  return { root, element, corners, edges, progress, progressBar, failure, failureText, retry };
}

/**
 * Takes the pixels off screen at once: the canvas is wiped and hidden until an image of the
 * series asked for is in (a render of the previous image meanwhile is wiped again by the caller).
 */
export function hidePixels(cell: ViewportCell): void {
  for (const canvas of cell.element.querySelectorAll("canvas")) {
    canvas.style.visibility = "hidden";
    const context = canvas.getContext("2d");
    context?.clearRect(0, 0, canvas.width, canvas.height);
  }
  cell.root.dataset.pixels = "hidden";
  clearOverlay(cell);
}

export function revealPixels(cell: ViewportCell): void {
  for (const canvas of cell.element.querySelectorAll("canvas")) canvas.style.visibility = "";
  cell.root.dataset.pixels = "shown";
}

/** No text of an image that is not on screen. */
export function clearOverlay(cell: ViewportCell): void {
  for (const corner of Object.values(cell.corners)) corner.textContent = "";
  for (const edge of Object.values(cell.edges)) edge.textContent = "";
  for (const key of ["imageIndex", "imageCount", "windowCenter", "windowWidth"]) delete cell.root.dataset[key];
}

export function writeFailure(cell: ViewportCell, lines: string[] | null, retryLabel: string): void {
  cell.failure.hidden = lines === null;
  cell.root.dataset.failed = String(lines !== null);
  cell.failureText.textContent = lines?.join("\n") ?? "";
  cell.retry.textContent = retryLabel;
}

export function writeCorners(cell: ViewportCell, corners: OverlayCorners): void {
  for (const key of Object.keys(corners) as (keyof OverlayCorners)[]) {
    const text = corners[key].join("\n");
    if (cell.corners[key].textContent !== text) cell.corners[key].textContent = text;
  }
}

export function writeEdges(cell: ViewportCell, edges: EdgeMarkers): void {
  for (const key of Object.keys(edges) as (keyof EdgeMarkers)[]) {
    if (cell.edges[key].textContent !== edges[key]) cell.edges[key].textContent = edges[key];
  }
}

export function writeProgress(cell: ViewportCell, loaded: number, total: number): void {
  const done = total > 0 && loaded >= total;
  cell.progress.dataset.loaded = String(loaded);
  cell.progress.dataset.total = String(total);
  cell.progress.dataset.state = done ? "done" : "loading";
  cell.progress.hidden = total === 0 || done;
  cell.progressBar.style.width = total > 0 ? `${Math.round((100 * loaded) / total)}%` : "0";
}
