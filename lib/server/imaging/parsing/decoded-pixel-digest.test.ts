import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { attributesDigest } from "@/lib/dicom/dataset-digest";
import { parseInstance, readDecodedDataset } from "@/lib/dicom/parse-instance";
import { pydicomFile } from "@/lib/testing/corpus/public-dicom-files";
import { realWorldCorpus } from "@/lib/testing/corpus/real-world-corpus";
import { decodedPixelDigest } from "./decoded-pixel-digest";

// The same pixels, native or compressed without loss by DCMTK, GDCM or pydicom's writers,
// digest alike once decoded; lossy ones have no such digest.

// Built (once, into the cache) while the file is collected: no test's timeout covers the build.
const corpus = realWorldCorpus();
const corpusFile = (suffix: string) => corpus.find((entry) => entry.name.endsWith(suffix))!.file;

async function digests(file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const parsed = parseInstance(bytes);
  return { syntax: parsed.transferSyntaxUid, attributes: attributesDigest(readDecodedDataset(bytes).dataSet), pixels: await decodedPixelDigest(bytes, parsed) };
}

describe("decodedPixelDigest", () => {
  it("is the same for CT_small native, implicit VR, RLE, JPEG lossless, JPEG-LS and JPEG 2000 lossless", async () => {
    const native = await digests(pydicomFile("test_files/CT_small.dcm"));
    expect(native.pixels).not.toBeNull();
    for (const variant of ["dcmtk/ct-implicit-vr", "dcmtk/ct-rle", "dcmtk/ct-jpeg-lossless", "dcmtk/ct-jpeg-ls", "gdcm/ct-j2k"]) {
      const other = await digests(corpusFile(variant));
      expect(other.pixels, variant).toBe(native.pixels);
      if (variant === "dcmtk/ct-implicit-vr") expect(other.attributes).toBe(native.attributes);
    }
  });

  it("is the same for pydicom's MR_small in every lossless syntax it ships, whose other attributes match too", async () => {
    const native = await digests(pydicomFile("test_files/MR_small.dcm"));
    for (const file of ["MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm", "MR_small_jp2klossless.dcm"]) {
      const variant = await digests(pydicomFile(`test_files/${file}`));
      expect(variant.pixels, file).toBe(native.pixels);
      expect(variant.attributes, file).toBe(native.attributes);
    }
  });

  it("has none for a lossy syntax", async () => {
    expect((await digests(pydicomFile("test_files/JPGExtended.dcm"))).pixels).toBeNull();
  });
});
