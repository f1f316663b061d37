import { cache, Enums, setVolumesForViewports, volumeLoader, type RenderingEngine, type Types } from "@cornerstonejs/core";
import { ToolGroupManager } from "@cornerstonejs/tools";
import { applyWindow } from "./stack-view";
import type { WindowLevel } from "./presets";
import { createToolGroup } from "./tool-groups";

// Multiplanar reformats: the series becomes a volume shown in three orthographic viewports
// (axial, sagittal, coronal) linked by crosshairs. Entering builds them; the returned exit
// releases the viewports, the tool group and the volume.

export const MPR_ORIENTATIONS = [Enums.OrientationAxis.AXIAL, Enums.OrientationAxis.SAGITTAL, Enums.OrientationAxis.CORONAL] as const;

export interface MprSession {
  viewportIds: string[];
  volumeId: string;
  exit(): void;
}

export async function enterMpr(args: {
  engine: RenderingEngine;
  elements: HTMLDivElement[];
  imageIds: string[];
  idPrefix: string;
  window: WindowLevel | null;
}): Promise<MprSession> {
  const { engine, elements, imageIds, idPrefix, window } = args;
  const volumeId = `cornerstoneStreamingImageVolume:${idPrefix}-${Date.now()}`;
  const viewportIds = MPR_ORIENTATIONS.map((orientation) => `${idPrefix}-mpr-${orientation}`);
  MPR_ORIENTATIONS.forEach((orientation, i) => {
    delete elements[i]!.parentElement?.dataset.renders;
    engine.enableElement({
      viewportId: viewportIds[i]!,
      type: Enums.ViewportType.ORTHOGRAPHIC,
      element: elements[i]!,
      defaultOptions: { orientation, background: [0, 0, 0] as Types.Point3 },
    });
  });
  const toolGroupId = `${idPrefix}-mpr-tools`;
  const exit = () => {
    ToolGroupManager.destroyToolGroup(toolGroupId);
    for (const id of viewportIds) if (engine.getViewport(id)) engine.disableElement(id);
    if (cache.getVolumeLoadObject(volumeId)) cache.removeVolumeLoadObject(volumeId);
  };
  try {
    const group = createToolGroup(toolGroupId, { crosshairs: true });
    for (const id of viewportIds) group.addViewport(id, engine.id);
    const volume = await volumeLoader.createAndCacheVolume(volumeId, { imageIds });
    // Streams every slice in (the stack's cached frames are reused); views render as it fills.
    volume.load();
    await setVolumesForViewports(engine, [{ volumeId }], viewportIds);
    for (const id of viewportIds) {
      const viewport = engine.getViewport(id) as Types.IVolumeViewport;
      if (window) applyWindow(viewport, window);
    }
    engine.renderViewports(viewportIds);
  } catch (error) {
    // A half-built session is released whole: viewports, tool group, volume.
    exit();
    throw error;
  }

  return { viewportIds, volumeId, exit };
}
