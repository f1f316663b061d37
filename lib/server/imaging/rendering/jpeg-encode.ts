import jpeg from "jpeg-js";
import type { DisplayImage } from "./display-image";

// Baseline JPEG of a rendered image (jpeg-js: pure JavaScript, runs in the decode workers).

export function encodeJpeg(image: DisplayImage, quality: number): Buffer {
  const pixels = image.width * image.height;
  const rgba = Buffer.alloc(pixels * 4);
  for (let p = 0; p < pixels; p++) {
    if (image.channels === 1) {
      const grey = image.data[p] ?? 0;
      rgba[p * 4] = grey;
      rgba[p * 4 + 1] = grey;
      rgba[p * 4 + 2] = grey;
    } else {
      rgba[p * 4] = image.data[p * 3] ?? 0;
      rgba[p * 4 + 1] = image.data[p * 3 + 1] ?? 0;
      rgba[p * 4 + 2] = image.data[p * 3 + 2] ?? 0;
    }
    rgba[p * 4 + 3] = 255;
  }
  return jpeg.encode({ data: rgba, width: image.width, height: image.height }, quality).data;
}
