import { cache, Enums, eventTarget, RenderingEngine, utilities as csUtilities, type StackViewport, type Types } from "@cornerstonejs/core";
import { annotation, Enums as ToolEnums, ToolGroupManager, utilities as toolUtilities } from "@cornerstonejs/tools";
import type { ViewerPrior, ViewerSeries } from "@/lib/domain/viewer-opening";
import { seriesTitle } from "./failure-text";
import { ensureDecodeWorkers, releaseDecodeWorkers } from "./decode-workers";
import { hangSeries, layoutById, matchingPriorSeries, viewportCount, type LayoutId } from "./hanging-protocol";
import { preferSinglePartFrames } from "./frame-requests";
import { initCornerstone } from "./init-cornerstone";
import { readMeasurements, type AnnotationLike } from "./measurements";
import { MprController } from "./mpr-controller";
// Installs window.teleradioViewerDiagnostics (what Cornerstone holds; read by the leak test).
import "./viewer-diagnostics";
import { LoadProgress } from "./load-progress";
import type { Vector3 } from "./orientation-labels";
import { followIndex, linkStacks, type ScrollLink } from "./scroll-link";
import type { PresetId } from "./presets";
import { SeriesCache } from "./series-cache";
import { ViewerHttpError } from "./series-loader";
import type { ToolId, ViewerAction } from "./shortcuts";
import { applyPreset, currentWindow, flip, invert, resetView, rotate } from "./stack-view";
import { INITIAL_SNAPSHOT, type ViewerLabels, type ViewerSnapshot, type ViewerSource } from "./viewer-types";
import { createToolGroup, setPrimaryTool } from "./tool-groups";
import { StackSlots, stopCine, type StackSlot } from "./stack-slots";
import { SnapshotStore } from "./snapshot-store";
import { describeLoadError } from "./viewport-display";

// The viewer as a service: it owns the rendering engine, the viewports, the tool groups and
// every Cornerstone listener. React mounts its container (attach) and unmounts it (detach);
// everything else goes through the methods below. A later open() supersedes an earlier one.

let engineSerial = 0;

export class ViewerService {
  readonly store = new SnapshotStore<ViewerSnapshot>(INITIAL_SNAPSHOT);
  private readonly idPrefix = `teleradio-${++engineSerial}`;
  private engine: RenderingEngine | null = null;
  private grid: HTMLDivElement | null = null;
  private stacks: StackSlots | null = null;
  private mpr: MprController | null = null;
  private source: ViewerSource | null = null;
  private readonly metadata: SeriesCache;
  private progress = new LoadProgress();
  private generation = 0;
  /** `expected`: the index a linked viewport was sent to, so its own event is not echoed back. */
  private scrollLink: (ScrollLink & { expected: [number | null, number | null] }) | null = null;
  private listeners: (() => void)[] = [];
  private destroyed = false;

  /**
   * `singlePartFrames`: the DICOMweb root is this product's server, which answers one frame as
   * bare bytes (faster in the browser); other servers get the standard multipart request.
   */
  constructor(
    private readonly labels: ViewerLabels,
    private readonly dicomwebRoot: string,
    private readonly options: { singlePartFrames: boolean },
  ) {
    this.metadata = new SeriesCache(dicomwebRoot, (series) => this.progress.register(series));
  }

  private attaching: Promise<void> | null = null;

  attach(root: HTMLElement): Promise<void> {
    this.attaching ??= this.mount(root);
    return this.attaching;
  }

  /** Resolves once the viewports exist (open() waits for it). */
  whenAttached(): Promise<void> {
    return this.attaching ?? Promise.resolve();
  }

  private async mount(root: HTMLElement): Promise<void> {
    await initCornerstone();
    if (this.destroyed) return;
    ensureDecodeWorkers();
    if (this.options.singlePartFrames) this.listeners.push(preferSinglePartFrames(this.dicomwebRoot));
    this.grid = document.createElement("div");
    this.grid.className = "viewer-grid";
    const mprGrid = document.createElement("div");
    mprGrid.className = "viewer-grid viewer-grid-mpr";
    mprGrid.hidden = true;
    root.replaceChildren(this.grid, mprGrid);
    this.engine = new RenderingEngine(`${this.idPrefix}-engine`);
    createToolGroup(this.stackToolGroupId, { crosshairs: false });
    this.stacks = new StackSlots(this.engine, this.grid, this.idPrefix, this.labels, {
      selected: (index) => this.selectViewport(index),
      seriesDropped: (index, study, series) => this.placeSeries(study, series, index),
      newImage: (index) => this.followLinkedScroll(index),
      retry: (index) => this.retry(index),
    });
    this.mpr = new MprController(this.engine, this.grid, mprGrid, this.idPrefix);
    this.listenGlobally();
    this.applyLayout(this.store.get().layout);
    const resize = new ResizeObserver(() => this.engine?.resize(true, true));
    resize.observe(root);
    this.listeners.push(() => resize.disconnect());
  }

  /** Releases everything this viewer created: viewports, caches, metadata, annotations, workers. */
  detach(): void {
    this.destroyed = true;
    this.generation++;
    // Each step runs even if an earlier one throws: a half-released viewer leaks the rest.
    const steps: (() => void)[] = [
      () => this.stacks?.dispose(),
      () => this.mpr?.dispose(),
      ...this.listeners,
      () => ToolGroupManager.destroyToolGroup(this.stackToolGroupId),
      () => this.engine?.destroy(),
      () => annotation.state.removeAllAnnotations(),
      () => cache.purgeCache(),
      () => this.progress.clear(),
      () => releaseDecodeWorkers(),
    ];
    for (const step of steps) {
      try {
        step();
      } catch (error) {
        console.error("[viewer] release step failed", error);
      }
    }
    this.metadata.clear();
    this.mpr = null;
    this.engine = null;
    this.listeners = [];
    this.grid?.parentElement?.replaceChildren();
    this.stacks = null;
  }

  /** Opens a request's images. Last call wins: an earlier open still loading is abandoned. */
  async open(source: ViewerSource): Promise<void> {
    const generation = ++this.generation;
    this.source = source;
    this.scrollLink = null;
    this.store.update({ status: "loading", error: null, mprFailure: null, measurements: [], priorShown: null });
    const study = source.studies[0];
    const hung = study ? hangSeries(study.series, layoutById(this.store.get().layout)) : [];
    // The metadata is fetched while Cornerstone initialises and builds the viewports.
    for (const uid of hung) if (study && uid) this.metadata.get(study.studyInstanceUid, uid).catch(() => undefined);
    try {
      await this.whenAttached();
      if (generation !== this.generation || this.destroyed) return;
      this.exitMpr();
      // Viewports this study does not fill are emptied: nothing of an earlier study stays on screen.
      hung.forEach((uid, i) => {
        if (!uid) this.stacks?.empty(i);
      });
      this.applyLayout(this.store.get().layout);
      if (!study) {
        this.store.update({ status: "ready" });
        this.publishViewports();
        return;
      }
      await Promise.all(hung.map((seriesUid, i) => (seriesUid ? this.showSeries(i, study.studyInstanceUid, seriesUid, generation) : Promise.resolve())));
      if (generation === this.generation) this.store.update({ status: "ready" });
    } catch (error) {
      if (generation === this.generation && !this.destroyed) this.fail(error);
    }
  }


  /**
   * Shows a series in a viewport. Its failures (metadata, an image, a decode) are shown inside
   * that viewport, never thrown: the other viewports go on. `generation`: set by open(); the
   * load is dropped if another open() came in the meantime. `startIndex`: a retry resumes there.
   */
  async showSeries(index: number, studyInstanceUid: string, seriesInstanceUid: string, generation?: number, startIndex = 0): Promise<void> {
    const stacks = this.stacks;
    if (!stacks) return;
    const token = stacks.reserve(index, { studyInstanceUid, seriesInstanceUid, title: this.titleOf(studyInstanceUid, seriesInstanceUid) });
    if (index < 2) this.scrollLink = null;
    if (index === this.store.get().activeViewport) this.stopCineState();
    this.publishViewports();
    const stale = () => this.stacks !== stacks || (generation !== undefined && generation !== this.generation);
    try {
      const series = await this.metadata.get(studyInstanceUid, seriesInstanceUid);
      if (stale()) return;
      const shown = stacks.show(index, token, series, startIndex);
      this.updateProgress(series.key);
      await shown;
    } catch (error) {
      if (stale() || (error instanceof DOMException && error.name === "AbortError")) return;
      stacks.fail(index, token, describeLoadError(error));
    }
    this.publishViewports();
  }

  /** The viewport's retry button: the failed image (or series) is asked for again, afresh. */
  retry(index: number): void {
    const slot = this.stacks?.slots[index];
    const wanted = slot?.wanted;
    if (!slot || !wanted) return;
    const failedAt = slot.display.failure?.imageIndex ?? null;
    const imageId = failedAt !== null ? slot.series?.imageIds[failedAt] : undefined;
    // A failed load may be remembered by Cornerstone's cache: forget it so the image is fetched again.
    if (imageId && cache.getImageLoadObject(imageId)) cache.removeImageLoadObject(imageId);
    void this.showSeries(index, wanted.studyInstanceUid, wanted.seriesInstanceUid, undefined, failedAt ?? 0);
  }

  setLayout(layout: LayoutId): void {
    this.exitMpr();
    const previous = viewportCount(layoutById(this.store.get().layout));
    this.store.update({ layout });
    this.applyLayout(layout);
    const count = viewportCount(layoutById(layout));
    // Newly shown viewports get the next series of the study, as the hanging protocol says.
    const study = this.source?.studies[0];
    if (study && count > previous) {
      const hung = hangSeries(study.series, layoutById(layout));
      for (let i = previous; i < count; i++) {
        const uid = hung[i];
        if (uid) void this.showSeries(i, study.studyInstanceUid, uid).catch((error: unknown) => this.fail(error));
      }
    }
    if (count < 2) {
      this.scrollLink = null;
      this.store.update({ priorShown: null, scrollLinked: false });
    }
    this.publishViewports();
  }

  selectViewport(index: number): void {
    this.store.update({ activeViewport: index });
    this.stacks?.select(index);
  }

  /** A thumbnail clicked (into the active viewport) or dropped (into the viewport under it). */
  placeSeries(studyInstanceUid: string, seriesInstanceUid: string, index = this.store.get().activeViewport): void {
    this.exitMpr();
    void this.showSeries(index, studyInstanceUid, seriesInstanceUid).catch((error: unknown) => this.fail(error));
  }

  /** A prior beside the current study, on the series that best matches, scrolling together. */
  async openPrior(prior: ViewerPrior): Promise<void> {
    const current = this.stacks?.slots[0]?.series;
    const study = this.source?.studies.find((s) => s.studyInstanceUid === current?.studyInstanceUid);
    const currentSeries = study?.series.find((s) => s.seriesInstanceUid === current?.seriesInstanceUid);
    const match = currentSeries ? matchingPriorSeries(currentSeries, prior.series) : (prior.series[0] ?? null);
    if (!match) return;
    this.exitMpr();
    if (viewportCount(layoutById(this.store.get().layout)) < 2) this.setLayout("1x2");
    this.store.update({ priorShown: prior.studyInstanceUid });
    try {
      await this.showSeries(1, prior.studyInstanceUid, match.seriesInstanceUid);
      this.linkScrolling();
    } catch (error) {
      this.fail(error);
    }
  }

  setScrollLink(on: boolean): void {
    if (on) this.linkScrolling();
    else this.scrollLink = null;
    this.store.update({ scrollLinked: this.scrollLink !== null });
  }

  setTool(tool: ToolId): void {
    const mpr = this.store.get().mpr;
    const group = ToolGroupManager.getToolGroup(mpr ? `${this.idPrefix}-mpr-tools` : this.stackToolGroupId);
    if (!group || (tool === "crosshairs" && !mpr)) return;
    setPrimaryTool(group, tool);
    this.store.update({ tool });
  }

  applyPreset(preset: PresetId): void {
    for (const { viewport, slot } of this.targetViewports()) applyPreset(viewport, preset, slot?.fileWindow ?? null);
    this.store.update({ preset });
  }

  /** Back from the reformats to the stack layout. */
  exitMpr(): void {
    if (!this.mpr?.exit()) return;
    this.store.update({ mpr: false });
    this.setTool("windowLevel");
    this.engine?.resize(true, true);
  }


  async toggleMpr(): Promise<void> {
    if (!this.mpr || this.mpr.busy) return;
    if (this.mpr.active) return this.exitMpr();
    const slot = this.activeSlot();
    const viewport = this.stacks?.viewport(this.store.get().activeViewport);
    if (!slot?.series?.volumeCapable || !viewport) return;
    if (this.store.get().cine.playing) this.stopCineState();
    // A detach or a new study while the volume is built discards it.
    const generation = this.generation;
    this.store.update({ mprFailure: null });
    try {
      const entered = await this.mpr.enter({ imageIds: slot.series.imageIds, window: currentWindow(viewport), stillWanted: () => !this.destroyed && generation === this.generation });
      if (entered) this.store.update({ mpr: true, tool: "crosshairs" });
    } catch (error) {
      // The controller released the half-built reformats: back to the stacks, saying why.
      if (!this.destroyed && generation === this.generation) this.store.update({ mprFailure: describeLoadError(error) });
    }
  }


  handleAction(action: ViewerAction): void {
    switch (action.kind) {
      case "slice":
        return this.scrollBy(action.delta);
      case "sliceEdge":
        return this.scrollToEdge(action.edge);
      case "preset":
        return this.applyPreset(action.preset);
      case "tool":
        return this.setTool(action.tool);
      case "rotate":
        return this.forEachTarget((v) => rotate(v, action.degrees));
      case "flip":
        return this.forEachTarget((v) => flip(v, action.axis));
      case "invert":
        return this.forEachTarget((v) => invert(v));
      case "reset":
        for (const { viewport, slot } of this.targetViewports()) resetView(viewport, slot?.fileWindow ?? null);
        return;
      case "cine":
        return this.toggleCine();
      case "cineSpeed":
        return this.setCineFps(this.store.get().cine.fps + action.delta);
      case "layout":
        return this.setLayout(action.layout);
      case "mpr":
        void this.toggleMpr().catch((error: unknown) => this.fail(error));
        return;
      case "help":
        this.store.update({ helpOpen: !this.store.get().helpOpen });
        return;
      default: {
        const unreachable: never = action;
        return unreachable;
      }
    }
  }

  scrollBy(delta: number): void {
    for (const { viewport } of this.targetViewports()) csUtilities.scroll(viewport as Types.IViewport, { delta });
  }

  toggleCine(): void {
    const slot = this.activeSlot();
    if (!slot || this.store.get().mpr) return;
    const playing = !this.store.get().cine.playing;
    if (playing) toolUtilities.cine.playClip(slot.cell.element, { framesPerSecond: this.store.get().cine.fps, loop: true });
    else stopCine(slot.cell.element);
    this.store.update({ cine: { ...this.store.get().cine, playing } });
  }

  setCineFps(fps: number): void {
    const clamped = Math.max(1, Math.min(60, Math.round(fps)));
    const playing = this.store.get().cine.playing;
    this.store.update({ cine: { playing, fps: clamped } });
    const slot = this.activeSlot();
    if (playing && slot) toolUtilities.cine.playClip(slot.cell.element, { framesPerSecond: clamped, loop: true });
  }

  setHelpOpen(open: boolean): void {
    this.store.update({ helpOpen: open });
  }

  getMeasurements() {
    return this.store.get().measurements;
  }

  /** World point → canvas pixel of a stack viewport (tests draw measurements on known geometry). */
  worldToCanvas(index: number, world: Vector3): [number, number] | null {
    const viewport = this.stacks?.viewport(index);
    if (!viewport) return null;
    const [x, y] = viewport.worldToCanvas([world[0], world[1], world[2]]);
    return [x, y];
  }

  /** The view direction of each reformat (tests check the three orientations). */
  mprViewPlaneNormals(): Record<string, number[]> {
    return this.mpr?.viewPlaneNormals() ?? {};
  }




  // ---- internals ----

  private get stackToolGroupId(): string {
    return `${this.idPrefix}-stack-tools`;
  }

  private applyLayout(layout: LayoutId): void {
    const { rows, columns } = layoutById(layout);
    const count = rows * columns;
    if (!this.grid || !this.engine || !this.stacks) return;
    this.grid.style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
    this.grid.style.gridTemplateRows = `repeat(${rows}, 1fr)`;
    this.stacks.applyLayout(count);
    const group = ToolGroupManager.getToolGroup(this.stackToolGroupId);
    for (const slot of this.stacks.slots.slice(0, count)) group?.addViewport(slot.id, this.engine.id);
    this.engine.resize(true, true);
    this.selectViewport(Math.min(this.store.get().activeViewport, count - 1));
  }

  private listenGlobally(): void {
    const onImageLoaded = (event: Event) => {
      const imageId = (event as CustomEvent<{ image?: { imageId?: string } }>).detail.image?.imageId;
      const key = imageId ? this.progress.record(imageId) : undefined;
      if (key) this.updateProgress(key);
    };
    const onAnnotation = () => {
      this.store.update({ measurements: readMeasurements(annotation.state.getAllAnnotations() as AnnotationLike[]) });
    };
    // A stack viewport (or the reformats' volume) could not load an image: the viewports going
    // to that image are cleared and say so; a volume missing a slice is closed (no reformat
    // with a hole in it).
    const onImageLoadError = (event: Event) => {
      const detail = (event as CustomEvent<{ imageId?: string; error?: unknown }>).detail;
      const imageId = typeof detail === "object" && detail !== null && typeof detail.imageId === "string" ? detail.imageId : null;
      if (!imageId) return;
      const reason = describeLoadError(detail.error);
      this.stacks?.imageFailed(imageId, reason);
      if (this.mpr?.active && this.mpr.holds(imageId)) {
        this.exitMpr();
        this.store.update({ mprFailure: reason });
      }
    };
    eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_ERROR, onImageLoadError);
    eventTarget.addEventListener(Enums.Events.IMAGE_LOADED, onImageLoaded);
    const annotationEvents = [ToolEnums.Events.ANNOTATION_COMPLETED, ToolEnums.Events.ANNOTATION_MODIFIED, ToolEnums.Events.ANNOTATION_REMOVED];
    for (const name of annotationEvents) eventTarget.addEventListener(name, onAnnotation);
    this.listeners.push(() => {
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_ERROR, onImageLoadError);
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOADED, onImageLoaded);
      for (const name of annotationEvents) eventTarget.removeEventListener(name, onAnnotation);
    });
  }

  /** The series' name as the reader knows it, from the opening (current studies and priors). */
  private titleOf(studyInstanceUid: string, seriesInstanceUid: string): string {
    const studies = [...(this.source?.studies ?? []), ...(this.source?.priors ?? [])];
    const series: ViewerSeries | undefined = studies.find((s) => s.studyInstanceUid === studyInstanceUid)?.series.find((s) => s.seriesInstanceUid === seriesInstanceUid);
    return (series ? seriesTitle(series) : "") || seriesInstanceUid;
  }

  private updateProgress(key: string): void {
    const loaded = this.progress.count(key);
    this.stacks?.writeProgress(key, loaded);
    const first = this.stacks?.slots[0]?.series;
    if (first?.key !== key) return;
    if (loaded > 0 && loaded === first.imageIds.length) performance.mark("viewer:stack-loaded");
    this.store.update({ progress: { loaded, total: first.imageIds.length } });
  }


  private linkScrolling(): void {
    const [a, b] = [this.stacks?.slots[0], this.stacks?.slots[1]];
    const [va, vb] = [this.stacks?.viewport(0), this.stacks?.viewport(1)];
    if (!a?.series || !b?.series || !va || !vb) return;
    const { link, secondIndex } = linkStacks(va.getCurrentImageIdIndex(), a.series.imageIds.length, b.series.imageIds.length);
    this.scrollLink = { ...link, expected: [null, secondIndex] };
    void vb.setImageIdIndex(secondIndex);
    this.store.update({ scrollLinked: true });
  }

  private followLinkedScroll(index: number): void {
    const link = this.scrollLink;
    if (!link || (index !== 0 && index !== 1)) return;
    const source = this.stacks?.viewport(index);
    const other = this.stacks?.slots[1 - index];
    const target = this.stacks?.viewport(1 - index);
    if (!source || !target || !other?.series) return;
    const at = source.getCurrentImageIdIndex();
    // The viewport arriving where the link sent it: not a move of the reader's, nothing to follow.
    if (link.expected[index] === at) {
      link.expected[index] = null;
      return;
    }
    link.expected[index] = null;
    const wanted = followIndex(link, index, at, other.series.imageIds.length);
    if (wanted === target.getCurrentImageIdIndex()) return;
    link.expected[1 - index] = wanted;
    void target.setImageIdIndex(wanted);
  }

  private scrollToEdge(edge: "first" | "last"): void {
    for (const { viewport, slot } of this.targetViewports()) {
      if (!slot?.series) continue;
      void (viewport as StackViewport).setImageIdIndex(edge === "first" ? 0 : slot.series.imageIds.length - 1);
    }
  }

  private activeSlot(): StackSlot | undefined {
    return this.stacks?.slots[this.store.get().activeViewport];
  }

  /** The viewports an action applies to: the active stack, or all three reformats in MPR. */
  private targetViewports(): { viewport: Types.IStackViewport | Types.IVolumeViewport; slot: StackSlot | null }[] {
    if (this.mpr?.active) return this.mpr.viewports().map((viewport) => ({ viewport, slot: null }));
    const slot = this.activeSlot();
    const viewport = slot?.series ? this.stacks?.viewport(this.store.get().activeViewport) : undefined;
    return viewport && slot ? [{ viewport, slot }] : [];
  }

  private forEachTarget(apply: (viewport: Types.IStackViewport | Types.IVolumeViewport) => void): void {
    for (const { viewport } of this.targetViewports()) apply(viewport);
  }

  /** Cine stops whenever what it plays changes (another series, the reformats, leaving). */
  private stopCineState(): void {
    const slot = this.activeSlot();
    if (slot) stopCine(slot.cell.element);
    if (this.store.get().cine.playing) this.store.update({ cine: { ...this.store.get().cine, playing: false } });
  }

  private publishViewports(): void {
    const count = viewportCount(layoutById(this.store.get().layout));
    this.store.update({ viewports: this.stacks?.summaries(count) ?? [] });
  }

  private fail(error: unknown): void {
    if (error instanceof DOMException && error.name === "AbortError") return;
    const status = error instanceof ViewerHttpError ? error.status : null;
    this.store.update({ status: "error", error: { status, message: error instanceof Error ? error.message : String(error) } });
  }
}
