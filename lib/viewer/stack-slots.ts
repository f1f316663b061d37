import { Enums, getEnabledElement, type RenderingEngine, type StackViewport, type Types } from "@cornerstonejs/core";
import { utilities as toolUtilities } from "@cornerstonejs/tools";
import { numberValue, TAGS } from "./dicom-json";
import { failureLines } from "./failure-text";
import { paintOverlay } from "./overlay-painter";
import type { WindowLevel } from "./presets";
import type { LoadedSeries } from "./series-loader";
import { listenToCell } from "./slot-listeners";
import { applyPreset } from "./stack-view";
import type { ViewerLabels, ViewportSummary } from "./viewer-types";
import { clearOverlay, createViewportCell, hidePixels, revealPixels, writeFailure, writeProgress, type ViewportCell } from "./viewport-cell";
import { decodedImageProblem, EMPTY_DISPLAY, nextDisplay, showsPixels, type DecodedImageFacts, type DisplayEvent, type LoadFailureReason, type ViewportDisplay } from "./viewport-display";

/** The series a slot was asked to show, kept so that a failure names it and a retry reloads it. */
export interface WantedSeries {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  title: string;
}

// The stack viewports of a viewer: their cells, which are enabled for the current layout,
// which series each shows, and their overlays and progress bars. The service decides what to
// show; this class does it to Cornerstone and the DOM.

export interface StackSlot {
  id: string;
  cell: ViewportCell;
  series: LoadedSeries | null;
  fileWindow: WindowLevel | null;
  renders: number;
  /** What the slot may show; its token is bumped on each load, so an earlier one cannot overwrite it. */
  display: ViewportDisplay;
  wanted: WantedSeries | null;
  /** Cornerstone displayed an image without pixels: its camera may be broken, the viewport is rebuilt before the next series. */
  poisoned: boolean;
}

export interface StackSlotEvents {
  selected(index: number): void;
  seriesDropped(index: number, studyInstanceUid: string, seriesInstanceUid: string): void;
  newImage(index: number): void;
  retry(index: number): void;
}

export const MAX_STACKS = 4;

/** The facts of a Cornerstone image that tell whether it holds pixels (see decodedImageProblem). */
function imageFacts(image: unknown): DecodedImageFacts {
  const i = (image ?? {}) as Partial<Types.IImage>;
  let values = 0;
  try {
    values = i.voxelManager?.getScalarData()?.length ?? i.getPixelData?.()?.length ?? 0;
  } catch {
    values = 0;
  }
  return { rows: Number(i.rows), columns: Number(i.columns), values, min: Number(i.minPixelValue), max: Number(i.maxPixelValue) };
}

/** Stops prefetching into a viewport; an element never enabled has nothing to stop. */
export function stopPrefetch(element: HTMLDivElement): void {
  if (getEnabledElement(element)) toolUtilities.stackPrefetch.disable(element);
}

export function stopCine(element: HTMLDivElement): void {
  try {
    toolUtilities.cine.stopClip(element);
  } catch {
    // Not playing: nothing to stop.
  }
}

export class StackSlots {
  readonly slots: StackSlot[] = [];
  private overlayFrame = 0;
  private dirty = new Set<number>();
  private unlisten: (() => void)[] = [];

  constructor(
    private readonly engine: RenderingEngine,
    grid: HTMLDivElement,
    idPrefix: string,
    private readonly labels: ViewerLabels,
    events: StackSlotEvents,
  ) {
    for (let index = 0; index < MAX_STACKS; index++) {
      const cell = createViewportCell(grid, `stack-${index}`);
      const slot: StackSlot = { id: `${idPrefix}-stack-${index}`, cell, series: null, fileWindow: null, renders: 0, display: EMPTY_DISPLAY, wanted: null, poisoned: false };
      this.slots.push(slot);
      const retry = () => events.retry(index);
      cell.retry.addEventListener("click", retry);
      this.unlisten.push(() => cell.retry.removeEventListener("click", retry));
      this.unlisten.push(
        listenToCell(cell, {
          rendered: () => this.rendered(slot, index),
          newImage: (imageId, image) => {
            this.imageArrived(index, imageId, image);
            this.scheduleOverlay(index);
            events.newImage(index);
          },
          changed: () => this.scheduleOverlay(index),
          selected: () => events.selected(index),
          seriesDropped: (study, series) => events.seriesDropped(index, study, series),
        }),
      );
    }
  }

  viewport(index: number): StackViewport | undefined {
    const slot = this.slots[index];
    return slot ? (this.engine.getViewport(slot.id) as StackViewport | undefined) : undefined;
  }

  /** Enables the viewports a layout shows, disables (and empties) the others. */
  applyLayout(count: number): void {
    this.slots.forEach((slot, i) => {
      const visible = i < count;
      slot.cell.root.hidden = !visible;
      const enabled = this.engine.getViewport(slot.id) !== undefined;
      if (visible && !enabled) {
        this.engine.enableElement({ viewportId: slot.id, type: Enums.ViewportType.STACK, element: slot.cell.element, defaultOptions: { background: [0, 0, 0] as Types.Point3 } });
      } else if (!visible && enabled) {
        stopPrefetch(slot.cell.element);
        stopCine(slot.cell.element);
        this.engine.disableElement(slot.id);
        slot.series = null;
        slot.wanted = null;
        this.apply(i, { type: "empty" });
        delete slot.cell.root.dataset.seriesUid;
      }
    });
  }

  /** Shows nothing in a slot (a new study does not fill it): its viewport starts afresh. */
  empty(index: number): void {
    const slot = this.slots[index];
    if (!slot || (!slot.series && slot.display.phase === "empty")) return;
    slot.series = null;
    slot.wanted = null;
    this.apply(index, { type: "empty" });
    slot.renders = 0;
    stopPrefetch(slot.cell.element);
    stopCine(slot.cell.element);
    this.engine.disableElement(slot.id);
    this.engine.enableElement({ viewportId: slot.id, type: Enums.ViewportType.STACK, element: slot.cell.element, defaultOptions: { background: [0, 0, 0] as Types.Point3 } });
    for (const key of ["seriesUid", "studyUid", "renders"]) delete slot.cell.root.dataset[key];
    clearOverlay(slot.cell);
  }

  /** A fresh Cornerstone viewport for a slot (nothing of what it displayed survives), as empty() does. */
  private rebuild(slot: StackSlot): void {
    slot.poisoned = false;
    stopPrefetch(slot.cell.element);
    stopCine(slot.cell.element);
    this.engine.disableElement(slot.id);
    this.engine.enableElement({ viewportId: slot.id, type: Enums.ViewportType.STACK, element: slot.cell.element, defaultOptions: { background: [0, 0, 0] as Types.Point3 } });
  }

  /**
   * Marks the start of a load into a slot and takes what it showed off screen at once: from
   * here until an image of the new series is in, the viewport is black, never the old image
   * under the new series' name. show() and fail() only act for the latest token.
   */
  reserve(index: number, wanted: WantedSeries): number {
    const slot = this.slots[index];
    if (!slot) return -1;
    slot.wanted = wanted;
    slot.cell.root.dataset.seriesUid = wanted.seriesInstanceUid;
    slot.cell.root.dataset.studyUid = wanted.studyInstanceUid;
    this.apply(index, { type: "reserve" });
    return slot.display.token;
  }

  /** A load failed: its metadata, its first image, or (token undefined) an image of the series shown. */
  fail(index: number, token: number, reason: LoadFailureReason, imageIndex: number | null = null): void {
    this.apply(index, { type: "failed", token, imageIndex, reason });
  }

  /** Cornerstone could not load `imageId`: the slots going to that very image fail, no other. */
  imageFailed(imageId: string, reason: LoadFailureReason): void {
    this.slots.forEach((slot, index) => {
      const imageIndex = slot.series?.imageIds.indexOf(imageId) ?? -1;
      const viewport = this.viewport(index);
      if (!slot.series || imageIndex < 0 || !viewport) return;
      this.apply(index, { type: "failed", seriesKey: slot.series.key, imageIndex, targetIndex: viewport.getCurrentImageIdIndex(), reason });
    });
  }

  /** An image is in the viewport: shown if it is one of the series asked for and really holds pixels. */
  private imageArrived(index: number, imageId: string, image: unknown): void {
    const slot = this.slots[index];
    const imageIndex = slot?.series?.imageIds.indexOf(imageId) ?? -1;
    if (!slot?.series || imageIndex < 0) return;
    const problem = decodedImageProblem(imageFacts(image));
    if (problem) {
      slot.poisoned = true;
      const targetIndex = this.viewport(index)?.getCurrentImageIdIndex() ?? imageIndex;
      this.apply(index, { type: "failed", seriesKey: slot.series.key, imageIndex, targetIndex, reason: { kind: "decode", message: problem } });
    } else {
      this.apply(index, { type: "imageShown", seriesKey: slot.series.key });
    }
  }

  async show(index: number, token: number, series: LoadedSeries, startIndex = 0): Promise<void> {
    const slot = this.slots[index];
    if (slot?.poisoned && token === slot.display.token) this.rebuild(slot);
    const viewport = this.viewport(index);
    if (!slot || !viewport || token !== slot.display.token) return;
    this.apply(index, { type: "series", token, seriesKey: series.key });
    if (series.imageIds.length === 0) return this.fail(index, token, { kind: "empty-series" });
    slot.series = series;
    slot.renders = 0;
    stopCine(slot.cell.element);
    slot.cell.root.dataset.seriesUid = series.seriesInstanceUid;
    slot.cell.root.dataset.studyUid = series.studyInstanceUid;
    const first = series.datasets.get(series.imageIds[0] ?? "");
    const center = first ? numberValue(first, TAGS.windowCenter) : null;
    const width = first ? numberValue(first, TAGS.windowWidth) : null;
    slot.fileWindow = center !== null && width !== null ? { center, width } : null;
    await viewport.setStack(series.imageIds, Math.min(startIndex, series.imageIds.length - 1));
    if (token !== slot.display.token) return;
    // Prefetch the whole stack, nearest slices first, so scrolling never waits.
    toolUtilities.stackPrefetch.enable(slot.cell.element);
    if ((slot.fileWindow?.width ?? 0) <= 1) applyPreset(viewport, "file", slot.fileWindow);
    viewport.render();
  }

  select(index: number): void {
    this.slots.forEach((slot, i) => (slot.cell.root.dataset.active = String(i === index)));
  }

  /** Writes a series' loading progress into every slot showing it. */
  writeProgress(key: string, loaded: number): void {
    for (const slot of this.slots) if (slot.series?.key === key) writeProgress(slot.cell, loaded, slot.series.imageIds.length);
  }

  summaries(count: number): ViewportSummary[] {
    // What each viewport was asked to show (the series panel highlights it); reformats only from a series on screen.
    return this.slots.slice(0, count).map((slot) => ({
      studyInstanceUid: slot.wanted?.studyInstanceUid ?? null,
      seriesInstanceUid: slot.wanted?.seriesInstanceUid ?? null,
      volumeCapable: showsPixels(slot.display) && (slot.series?.volumeCapable ?? false),
    }));
  }

  /** Stops cine and prefetching everywhere and removes the listeners (the engine goes next). */
  dispose(): void {
    cancelAnimationFrame(this.overlayFrame);
    for (const slot of this.slots) {
      stopCine(slot.cell.element);
      stopPrefetch(slot.cell.element);
    }
    for (const off of this.unlisten) off();
    this.unlisten = [];
  }

  /** Moves a slot's display state and puts the DOM in line: pixels, overlay, the failure box. */
  private apply(index: number, event: DisplayEvent): void {
    const slot = this.slots[index];
    if (!slot) return;
    const before = slot.display;
    slot.display = nextDisplay(before, event);
    if (slot.display === before) return;
    slot.cell.root.dataset.display = slot.display.phase;
    if (showsPixels(slot.display)) revealPixels(slot.cell);
    else hidePixels(slot.cell);
    const failure = slot.display.phase === "failed" ? slot.display.failure : null;
    const lines = failure
      ? failureLines(failure, { seriesTitle: slot.wanted?.title || (slot.wanted?.seriesInstanceUid ?? ""), imageCount: slot.series?.imageIds.length ?? null }, this.labels.failure)
      : null;
    writeFailure(slot.cell, lines, this.labels.failure.retry);
    if (failure) {
      stopCine(slot.cell.element);
      slot.cell.progress.hidden = true;
    }
  }

  private rendered(slot: StackSlot, index: number): void {
    // Cornerstone may repaint the image it still holds (a resize, a camera event) while the
    // viewport is loading another series or failed: that image is wiped again, never shown.
    if (!showsPixels(slot.display)) return hidePixels(slot.cell);
    // Enabling a viewport renders it black before any image: only renders of an image count.
    if (!this.viewport(index)?.getCornerstoneImage()) return;
    slot.renders++;
    slot.cell.root.dataset.renders = String(slot.renders);
    if (index === 0 && slot.renders === 1) performance.mark("viewer:first-image");
    this.scheduleOverlay(index);
  }

  private scheduleOverlay(index: number): void {
    this.dirty.add(index);
    if (this.overlayFrame) return;
    this.overlayFrame = requestAnimationFrame(() => {
      this.overlayFrame = 0;
      for (const i of this.dirty) {
        const slot = this.slots[i];
        const viewport = this.viewport(i);
        if (slot?.series && viewport && showsPixels(slot.display)) paintOverlay(slot.cell, viewport, slot.series, this.labels);
      }
      this.dirty.clear();
    });
  }
}
