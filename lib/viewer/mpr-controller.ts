import { Enums, type RenderingEngine, type Types } from "@cornerstonejs/core";
import { enterMpr, type MprSession } from "./mpr-mode";
import type { WindowLevel } from "./presets";
import { createViewportCell, type ViewportCell } from "./viewport-cell";

// The reformats' side of a viewer: their three cells, switching between the stack grid and
// theirs, and one session at a time. Entering builds the volume (seconds of work): a second
// request meanwhile is ignored, and a session whose viewer moved on while it was built is
// released at once.
export class MprController {
  private readonly cells: ViewportCell[];
  private session: MprSession | null = null;
  private imageIds = new Set<string>();
  private entering = false;
  private readonly unlisten: () => void;

  constructor(
    private readonly engine: RenderingEngine,
    private readonly stackGrid: HTMLDivElement,
    private readonly mprGrid: HTMLDivElement,
    private readonly idPrefix: string,
  ) {
    this.cells = ["axial", "sagittal", "coronal"].map((name) => createViewportCell(mprGrid, `mpr-${name}`));
    const onRendered = (event: Event) => {
      const root = (event.currentTarget as HTMLElement | null)?.parentElement;
      if (!root) return;
      const renders = Number(root.dataset.renders ?? 0) + 1;
      root.dataset.renders = String(renders);
      if (renders === 1) performance.mark("viewer:mpr-render");
    };
    for (const cell of this.cells) cell.element.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
    this.unlisten = () => {
      for (const cell of this.cells) cell.element.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
    };
  }

  get active(): boolean {
    return this.session !== null;
  }

  get busy(): boolean {
    return this.entering;
  }

  /** The reformats' viewports, while they are shown. */
  viewports(): Types.IVolumeViewport[] {
    return (this.session?.viewportIds ?? []).flatMap((id) => {
      const viewport = this.engine.getViewport(id) as Types.IVolumeViewport | undefined;
      return viewport ? [viewport] : [];
    });
  }

  /** Shows the reformats of a stack; false if it was not entered (already entering, or superseded). */
  async enter(args: { imageIds: string[]; window: WindowLevel | null; stillWanted: () => boolean }): Promise<boolean> {
    if (this.entering || this.session) return false;
    this.entering = true;
    this.show(true);
    try {
      const session = await enterMpr({ engine: this.engine, elements: this.cells.map((c) => c.element), imageIds: args.imageIds, idPrefix: this.idPrefix, window: args.window });
      if (!args.stillWanted()) {
        session.exit();
        this.show(false);
        return false;
      }
      this.session = session;
      this.imageIds = new Set(args.imageIds);
      return true;
    } catch (error) {
      this.show(false);
      throw error;
    } finally {
      this.entering = false;
    }
  }

  /** Whether the reformats are built from this image (a failure of it leaves a hole in them). */
  holds(imageId: string): boolean {
    return this.imageIds.has(imageId);
  }

  /** Back to the stacks; false if the reformats were not shown. */
  exit(): boolean {
    if (!this.session) return false;
    this.session.exit();
    this.session = null;
    this.imageIds = new Set();
    this.show(false);
    return true;
  }

  /** The view direction of each reformat (tests check the three orientations). */
  viewPlaneNormals(): Record<string, number[]> {
    const normals: Record<string, number[]> = {};
    for (const id of this.session?.viewportIds ?? []) {
      const viewport = this.engine.getViewport(id);
      if (viewport) normals[id.slice(id.lastIndexOf("-") + 1)] = [...(viewport.getCamera().viewPlaneNormal ?? [])];
    }
    return normals;
  }

  dispose(): void {
    this.exit();
    this.unlisten();
  }

  private show(reformats: boolean): void {
    this.stackGrid.hidden = reformats;
    this.mprGrid.hidden = !reformats;
  }
}
