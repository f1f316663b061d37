import { createHash, type Hash } from "node:crypto";
import type dicomParser from "dicom-parser";
import { pixelDataElement } from "./locate-frames";
import { dictionaryVr } from "./read-structure";

// The identity of an instance's dataset, whatever its File Meta Information and however its
// lengths, VRs and padding are written: the SHA-256 of every element's tag and value, in tag
// order, sequences item by item, without group 0002, group lengths, delimiters, trailing
// padding, and text without its padding spaces. Implicit and explicit VR little endian
// copies, defined or undefined lengths, another sender's AE title or implementation UID, a
// copy re-encoded by DCMTK: the same digest. Native pixel data counts by its frames' bytes (padding
// after the last frame ignored); encapsulated pixel data by its fragments' bytes (the offset
// table left out), so the same compressed copy re-sent matches too.

const MAX_DEPTH = 16;
const STRING_VRS = new Set(["AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT"]);
const UNSPLIT_VRS = new Set(["LT", "ST", "UT", "UR"]);

/**
 * Padding is not content (PS3.5 6.2): toolkits re-pad values as they re-encode them (DCMTK
 * drops an all-space value, trims each value of a multi-valued CS). Values compare without
 * their leading and trailing spaces and NULs (trailing only for the free-text VRs). Bytes are
 * kept as they are otherwise: no character set is involved.
 */
function canonicalText(value: Uint8Array, vr: string): string {
  const text = Buffer.from(value).toString("latin1");
  if (UNSPLIT_VRS.has(vr)) return text.replace(/[\0 ]+$/, "");
  return text
    .split("\\")
    .map((part) => part.replace(/^[\0 ]+|[\0 ]+$/g, ""))
    .join("\\");
}

export function datasetDigest(dataSet: dicomParser.DataSet, nativePixelBytes: number | null): string {
  const hash = createHash("sha256");
  const pixel = pixelDataElement(dataSet);
  digestDataSet(hash, dataSet, 0, pixel?.element ?? null, nativePixelBytes);
  return hash.digest("hex");
}

/**
 * The dataset without its pixel data element: with the digest of the decoded pixels, what
 * tells the same instance in another (lossless) compression (decoded-pixel-digest.ts).
 */
// Compressors note what they did here (DCMTK: "Lossless JPEG compression, selection value 1…"):
// a lossless copy differs from the original by this note only.
const DERIVATION_DESCRIPTION = "x00082111";

export function attributesDigest(dataSet: dicomParser.DataSet): string {
  const hash = createHash("sha256");
  const pixel = pixelDataElement(dataSet)?.element ?? null;
  digestDataSet(hash, dataSet, 0, pixel, null, new Set([DERIVATION_DESCRIPTION]));
  return hash.digest("hex");
}

/** `skip`: top-level tags left out, and the pixel data element with them. */
function digestDataSet(hash: Hash, dataSet: dicomParser.DataSet, depth: number, pixel: dicomParser.Element | null, nativePixelBytes: number | null, skip?: Set<string>): void {
  const tags = Object.keys(dataSet.elements).sort();
  for (const tag of tags) {
    if (depth === 0 && tag.startsWith("x0002")) continue;
    // Group lengths, item/sequence delimiters (present only with undefined lengths) and Data
    // Set Trailing Padding (PS3.10 7.2: meaningless, may be dropped) are encoding, not content.
    if (tag.endsWith("0000") || tag.startsWith("xfffe") || tag === "xfffcfffc") continue;
    const element = dataSet.elements[tag];
    if (!element || (skip && (skip.has(tag) || element === pixel))) continue;
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
      const value = dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + length);
      // The dictionary's VR, not the file's: an implicit VR copy has only that one.
      const vr = dictionaryVr(tag);
      const text = vr && STRING_VRS.has(vr) ? canonicalText(value, vr) : null;
      hash.update(text === null ? `:${length}:` : `'${text.length}:`);
      hash.update(text === null ? value : Buffer.from(text, "latin1"));
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
