import { Enums, getEnabledElement, type RenderingEngine, type StackViewport, type Types } from "@cornerstonejs/core";
import { utilities as toolUtilities } from "@cornerstonejs/tools";
import { numberValue, TAGS } from "./dicom-json";
import { paintOverlay } from "./overlay-painter";
import type { WindowLevel } from "./presets";
import type { LoadedSeries } from "./series-loader";
import { listenToCell } from "./slot-listeners";
import { applyPreset } from "./stack-view";
import type { ViewerLabels, ViewportSummary } from "./viewer-types";
import { createViewportCell, writeProgress, type ViewportCell } from "./viewport-cell";

// The stack viewports of a viewer: their cells, which are enabled for the current layout,
// which series each shows, and their overlays and progress bars. The service decides what to
// show; this class does it to Cornerstone and the DOM.

export interface StackSlot {
  id: string;
  cell: ViewportCell;
  series: LoadedSeries | null;
  fileWindow: WindowLevel | null;
  renders: number;
  /** Bumped on each show(): a slower earlier load must not overwrite a later one. */
  loadToken: number;
}

export interface StackSlotEvents {
  selected(index: number): void;
  seriesDropped(index: number, studyInstanceUid: string, seriesInstanceUid: string): void;
  newImage(index: number): void;
}

export const MAX_STACKS = 4;

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
      const slot: StackSlot = { id: `${idPrefix}-stack-${index}`, cell, series: null, fileWindow: null, renders: 0, loadToken: 0 };
      this.slots.push(slot);
      this.unlisten.push(
        listenToCell(cell, {
          rendered: () => this.rendered(slot, index),
          newImage: () => {
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
        slot.loadToken++;
        delete slot.cell.root.dataset.seriesUid;
      }
    });
  }

  /** Shows nothing in a slot (a new study does not fill it): its viewport starts afresh. */
  empty(index: number): void {
    const slot = this.slots[index];
    if (!slot?.series) return;
    slot.loadToken++;
    slot.series = null;
    slot.renders = 0;
    stopPrefetch(slot.cell.element);
    stopCine(slot.cell.element);
    this.engine.disableElement(slot.id);
    this.engine.enableElement({ viewportId: slot.id, type: Enums.ViewportType.STACK, element: slot.cell.element, defaultOptions: { background: [0, 0, 0] as Types.Point3 } });
    for (const key of ["seriesUid", "studyUid", "renders", "imageIndex", "imageCount", "windowCenter", "windowWidth"]) delete slot.cell.root.dataset[key];
    for (const corner of Object.values(slot.cell.corners)) corner.textContent = "";
    for (const edge of Object.values(slot.cell.edges)) edge.textContent = "";
  }

  /** Marks the start of a load into a slot; show() only completes for the latest token. */
  reserve(index: number): number {
    const slot = this.slots[index];
    return slot ? ++slot.loadToken : -1;
  }

  async show(index: number, token: number, series: LoadedSeries): Promise<void> {
    const slot = this.slots[index];
    const viewport = this.viewport(index);
    if (!slot || !viewport || token !== slot.loadToken) return;
    slot.series = series;
    slot.renders = 0;
    stopCine(slot.cell.element);
    slot.cell.root.dataset.seriesUid = series.seriesInstanceUid;
    slot.cell.root.dataset.studyUid = series.studyInstanceUid;
    const first = series.datasets.get(series.imageIds[0] ?? "");
    const center = first ? numberValue(first, TAGS.windowCenter) : null;
    const width = first ? numberValue(first, TAGS.windowWidth) : null;
    slot.fileWindow = center !== null && width !== null ? { center, width } : null;
    await viewport.setStack(series.imageIds, 0);
    if (token !== slot.loadToken) return;
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
    return this.slots.slice(0, count).map((slot) => ({
      studyInstanceUid: slot.series?.studyInstanceUid ?? null,
      seriesInstanceUid: slot.series?.seriesInstanceUid ?? null,
      volumeCapable: slot.series?.volumeCapable ?? false,
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

  private rendered(slot: StackSlot, index: number): void {
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
        if (slot?.series && viewport) paintOverlay(slot.cell, viewport, slot.series, this.labels);
      }
      this.dirty.clear();
    });
  }
}
