import { createHash, type Hash } from "node:crypto";
import type dicomParser from "dicom-parser";
import { pixelDataElement } from "./locate-frames";

// The identity of an instance's dataset, whatever its File Meta Information and however its
// lengths and VRs are written: the SHA-256 of every element's tag and value bytes, in tag
// order, sequences item by item, without group 0002 and group lengths. Implicit and explicit
// VR little endian copies, defined or undefined lengths, another sender's AE title or
// implementation UID: the same digest. Native pixel data counts by its frames' bytes (padding
// after the last frame ignored); encapsulated pixel data by its fragments' bytes (the offset
// table left out), so the same compressed copy re-sent matches too.

const MAX_DEPTH = 16;

export function datasetDigest(dataSet: dicomParser.DataSet, nativePixelBytes: number | null): string {
  const hash = createHash("sha256");
  const pixel = pixelDataElement(dataSet);
  digestDataSet(hash, dataSet, 0, pixel?.element ?? null, nativePixelBytes);
  return hash.digest("hex");
}

function digestDataSet(hash: Hash, dataSet: dicomParser.DataSet, depth: number, pixel: dicomParser.Element | null, nativePixelBytes: number | null): void {
  const tags = Object.keys(dataSet.elements).sort();
  for (const tag of tags) {
    if (depth === 0 && tag.startsWith("x0002")) continue;
    if (tag.endsWith("0000")) continue;
    const element = dataSet.elements[tag];
    if (!element) continue;
    hash.update(tag);
    if (element === pixel) {
      digestPixelData(hash, dataSet.byteArray, element, nativePixelBytes);
    } else if (element.items && depth < MAX_DEPTH) {
      hash.update(`[${element.items.length}`);
      for (const item of element.items) {
        hash.update("{");
        if (item.dataSet) digestDataSet(hash, item.dataSet, depth + 1, null, null);
        hash.update("}");
      }
      hash.update("]");
    } else {
      const length = element.length === 0xffffffff ? 0 : element.length;
      hash.update(`:${length}:`);
      hash.update(dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + length));
    }
  }
}

function digestPixelData(hash: Hash, bytes: Uint8Array, element: dicomParser.Element, nativePixelBytes: number | null): void {
  if (element.encapsulatedPixelData && element.fragments) {
    hash.update(`E${element.fragments.length}`);
    for (const fragment of element.fragments) hash.update(bytes.subarray(fragment.position, fragment.position + fragment.length));
    return;
  }
  const length = Math.min(element.length, nativePixelBytes ?? element.length);
  hash.update(`N${length}:`);
  hash.update(bytes.subarray(element.dataOffset, element.dataOffset + length));
}
