import type { StackViewport, Types } from "@cornerstonejs/core";
import { fileWindow, presetById, rangeToWindow, windowToRange, type PresetId, type WindowLevel } from "./presets";

// Display operations on one viewport (stack or reformat). Each applies and renders.

type AnyViewport = Types.IStackViewport | Types.IVolumeViewport;

export function currentWindow(viewport: AnyViewport): WindowLevel | null {
  const range = viewport.getProperties()?.voiRange;
  return range ? rangeToWindow(range) : null;
}

/**
 * The file's window for the image shown. Cornerstone takes the file's centre/width even when a
 * device wrote 0/0, which renders black: then the pixel range is used instead.
 */
export function fileWindowOf(viewport: AnyViewport, fromFile: WindowLevel | null): WindowLevel {
  const image = (viewport as Partial<StackViewport>).getCornerstoneImage?.();
  const range = image ? { min: image.minPixelValue, max: image.maxPixelValue } : { min: 0, max: 1 };
  return fileWindow(fromFile, range);
}

export function applyWindow(viewport: AnyViewport, window: WindowLevel): void {
  viewport.setProperties({ voiRange: windowToRange(window) });
  viewport.render();
}

export function applyPreset(viewport: AnyViewport, preset: PresetId, fromFile: WindowLevel | null): void {
  const { window } = presetById(preset);
  applyWindow(viewport, window === "file" ? fileWindowOf(viewport, fromFile) : window);
}

export function rotate(viewport: AnyViewport, degrees: number): void {
  const { rotation = 0 } = viewport.getViewPresentation();
  viewport.setViewPresentation({ rotation: (((rotation + degrees) % 360) + 360) % 360 });
  viewport.render();
}

export function flip(viewport: AnyViewport, axis: "horizontal" | "vertical"): void {
  const presentation = viewport.getViewPresentation({ flipHorizontal: true, flipVertical: true });
  if (axis === "horizontal") viewport.setViewPresentation({ flipHorizontal: !presentation.flipHorizontal });
  else viewport.setViewPresentation({ flipVertical: !presentation.flipVertical });
  viewport.render();
}

export function invert(viewport: AnyViewport): void {
  viewport.setProperties({ invert: !viewport.getProperties()?.invert });
  viewport.render();
}

/** Back to how the image opened: fit to the window, no rotation or flip, the file's window. */
export function resetView(viewport: AnyViewport, fromFile: WindowLevel | null): void {
  viewport.resetCamera();
  viewport.setViewPresentation({ rotation: 0, flipHorizontal: false, flipVertical: false });
  viewport.setProperties({ invert: false });
  applyWindow(viewport, fileWindowOf(viewport, fromFile));
}
