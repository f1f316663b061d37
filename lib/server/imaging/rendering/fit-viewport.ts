import { CannotRender, type DisplayImage } from "./display-image";
import type { Viewport } from "./rendered-params";

// The part of an image a viewport asks for, scaled to fit in it with its aspect kept (PS3.18
// §8.3.5.1.3): averaged when shrinking (a thumbnail of a noisy CT is not speckle), nearest
// when enlarging; a negative source width or height flips the image.

export function fitViewport(image: DisplayImage, viewport: Viewport): DisplayImage {
  const region = viewport.region ?? { x: 0, y: 0, width: image.width, height: image.height };
  const flipX = region.width < 0;
  const flipY = region.height < 0;
  const sx = region.x;
  const sy = region.y;
  const sw = Math.min(Math.abs(region.width), image.width - sx);
  const sh = Math.min(Math.abs(region.height), image.height - sy);
  if (sw < 1 || sh < 1) throw new CannotRender(`the viewport's source region lies outside the ${image.width}x${image.height} image`);
  const scale = Math.min(viewport.width / sw, viewport.height / sh);
  const ow = Math.max(1, Math.round(sw * scale));
  const oh = Math.max(1, Math.round(sh * scale));
  const channels = image.channels;
  const out = new Uint8Array(ow * oh * channels);
  const sum = new Float64Array(channels);
  for (let oy = 0; oy < oh; oy++) {
    const y0 = sy + Math.floor((oy * sh) / oh);
    const y1 = Math.max(y0 + 1, sy + Math.floor(((oy + 1) * sh) / oh));
    for (let ox = 0; ox < ow; ox++) {
      const x0 = sx + Math.floor((ox * sw) / ow);
      const x1 = Math.max(x0 + 1, sx + Math.floor(((ox + 1) * sw) / ow));
      sum.fill(0);
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const at = (y * image.width + x) * channels;
          for (let c = 0; c < channels; c++) sum[c]! += image.data[at + c] ?? 0;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const tx = flipX ? ow - 1 - ox : ox;
      const ty = flipY ? oh - 1 - oy : oy;
      for (let c = 0; c < channels; c++) out[(ty * ow + tx) * channels + c] = Math.round((sum[c] ?? 0) / n);
    }
  }
  return { width: ow, height: oh, channels, data: out };
}
