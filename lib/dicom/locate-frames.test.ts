import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pydicomFile } from "@/lib/testing/corpus/public-dicom-files";
import { realWorldCorpus } from "@/lib/testing/corpus/real-world-corpus";
import { parseInstance, type ParsedInstance } from "./parse-instance";

// Where each frame lies, and how long the pixel data must be, per photometric interpretation
// and bits allocated: real files from pydicom and files crafted with pydicom (craft-corpus-files.py).

const parse = (file: string): ParsedInstance => parseInstance(new Uint8Array(readFileSync(file)));
// Built (once, into the cache) while the file is collected: no test's timeout covers the build.
const corpus = realWorldCorpus();
const crafted = (name: string): string => {
  const entry = corpus.find((candidate) => candidate.name === `crafted/${name}`);
  if (!entry) throw new Error(`no crafted file ${name}`);
  return entry.file;
};
const frameLengths = (parsed: ParsedInstance) => parsed.frames.map((ranges) => ranges.reduce((sum, [, length]) => sum + length, 0));

describe("locateFrames on real and crafted files", () => {
  it("takes uncompressed YBR_FULL_422 at two bytes per pixel (pydicom's SC_ybr_full_422_uncompressed)", () => {
    expect(frameLengths(parse(pydicomFile("test_files/SC_ybr_full_422_uncompressed.dcm")))).toEqual([100 * 100 * 2]);
  });

  it("locates each frame of a two-frame YBR_FULL_422 image", () => {
    const parsed = parse(crafted("ybr-full-422-2-frames"));
    expect(frameLengths(parsed)).toEqual([4 * 6 * 2, 4 * 6 * 2]);
    expect(parsed.frames[1]![0]![0] - parsed.frames[0]![0]![0]).toBe(48);
  });

  it("takes a 1-bit segmentation as ceil(rows x columns / 8) bytes (pydicom's liver_1frame)", () => {
    const parsed = parse(pydicomFile("test_files/liver_1frame.dcm"));
    const rows = parsed.instance.rows!;
    const columns = parsed.instance.columns!;
    expect(parsed.content).toBe("IMAGE");
    expect(frameLengths(parsed)).toEqual([Math.ceil((rows * columns) / 8)]);
  });

  it("packs 1-bit frames that do not end on a byte: each range covers the bytes its bits touch", () => {
    const parsed = parse(crafted("seg-1-bit-unaligned-frames"));
    // 3 frames of 25 bits: bits 0-24, 25-49, 50-74.
    const start = parsed.frames[0]![0]![0];
    expect(parsed.frames.map((ranges) => [ranges[0]![0] - start, ranges[0]![1]])).toEqual([
      [0, 4],
      [3, 4],
      [6, 4],
    ]);
  });

  it.each([
    ["float-pixel-data", "7FE00008", "OF", 4 * 4 * 4],
    ["double-float-pixel-data", "7FE00009", "OD", 4 * 4 * 8],
    ["mono-32-bit", "7FE00010", "OW", 4 * 4 * 4],
    ["rgb-planar-1", "7FE00010", "OB", 8 * 8 * 3],
    ["palette-segmented", "7FE00010", "OB", 16 * 16],
  ])("%s: an image, its pixel data %s served as bulk data (%s), %i bytes", (name, tag, vr, bytes) => {
    const parsed = parse(crafted(name));
    expect(parsed.content).toBe("IMAGE");
    expect(parsed.metadata[tag]).toEqual({ vr });
    expect(frameLengths(parsed)).toEqual([bytes]);
  });

  it("keeps palette LUTs inline for the viewer (pydicom's examples_palette)", () => {
    const parsed = parse(pydicomFile("test_files/examples_palette.dcm"));
    for (const lut of ["00281201", "00281202", "00281203"]) expect(parsed.metadata[lut]?.InlineBinary?.length).toBeGreaterThan(0);
  });

  it("reads 32-bit RT dose frames (pydicom's rtdose_rle, 15 frames)", () => {
    expect(parse(pydicomFile("test_files/rtdose_rle.dcm")).frames).toHaveLength(15);
  });

  it("ignores a writer's padding after the last frame, with a warning (pydicom's MR_small_padded)", () => {
    const parsed = parse(pydicomFile("test_files/MR_small_padded.dcm"));
    expect(frameLengths(parsed)).toEqual([64 * 64 * 2]);
    expect(parsed.warnings).toEqual([expect.stringMatching(/after the last frame/)]);
  });

  it("still refuses pixel data shorter than the image says", () => {
    const bytes = new Uint8Array(readFileSync(pydicomFile("test_files/CT_small.dcm")));
    expect(() => parseInstance(bytes.subarray(0, bytes.length - 100))).toThrow(/pixel data|truncated|overrun/i);
  });
});

describe("what an instance holds", () => {
  it.each([
    ["test_files/waveform_ecg.dcm", "WAVEFORM"],
    ["test_files/test-SR.dcm", "STRUCTURED_REPORT"],
    ["test_files/reportsi.dcm", "STRUCTURED_REPORT"],
    ["test_files/JPEG2000.dcm", "IMAGE"],
    ["charset_files/chrKoreanMulti.dcm", "OTHER"],
  ])("pydicom's %s is %s", (file, content) => {
    expect(parse(pydicomFile(file)).content).toBe(content);
  });

  it.each([
    ["basic-text-sr", "STRUCTURED_REPORT"],
    ["key-object-selection", "STRUCTURED_REPORT"],
    ["grayscale-presentation-state", "OTHER"],
    ["empty-patient-id-empty-modality", "IMAGE"],
  ])("crafted %s is %s", (name, content) => {
    expect(parse(crafted(name)).content).toBe(content);
  });

  it("records an encapsulated PDF over 64 KiB by byte range and leaves its value out of the metadata", () => {
    const entry = corpus.find((candidate) => candidate.name === "dcmtk/pdf2dcm")!;
    const bytes = new Uint8Array(readFileSync(entry.file));
    const parsed = parseInstance(bytes);
    expect(parsed.content).toBe("ENCAPSULATED_DOCUMENT");
    expect(parsed.metadata["00420011"]).toEqual({ vr: "OB" });
    const [offset, length] = parsed.bulkData["00420011"]!;
    expect(Buffer.from(bytes.subarray(offset, offset + 8)).toString("latin1")).toBe("%PDF-1.4");
    expect(length).toBeGreaterThan(64 * 1024);
  });
});
