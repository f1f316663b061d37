import { readFileSync } from "node:fs";
import dicomParser from "dicom-parser";
import { Context, NativeCodecs } from "dcmjs-codecs";
import { afterAll, describe, expect, it } from "vitest";
import { pydicomFile } from "@/lib/testing/corpus/public-dicom-files";
import type { PixelDescription } from "./pixel-description";
import { createRenderPool, RenderFailure } from "./render-pool";

// The decode workers' budgets: a task over its time fails alone with the reason, a frame
// claiming more pixels than the server decodes is refused before any allocation, and the pool
// carries on with the next task.

const pools: ReturnType<typeof createRenderPool>[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.close())));
const pool = (timeoutMs: number) => {
  const created = createRenderPool({ workers: 1, timeoutMs, maxHeapMb: 128, maxQueue: 10 });
  pools.push(created);
  return created;
};

const grey: PixelDescription = {
  rows: 2, columns: 2, samplesPerPixel: 1, bitsAllocated: 8, bitsStored: 8, highBit: 7, signed: false, float: false, planarConfiguration: 0,
  photometric: "MONOCHROME2", rescaleSlope: 1, rescaleIntercept: 0, windowCenter: null, windowWidth: null, voiFunction: "LINEAR", palette: null,
};
const png = { kind: "render", window: null, viewport: null, format: "image/png", quality: 90 } as const;

describe("render pool", () => {
  it("fails a task over its deadline with the reason", async () => {
    const bytes = readFileSync(pydicomFile("test_files/JPEG2000.dcm"));
    const dataset = dicomParser.parseDicom(bytes);
    const element = dataset.elements.x7fe00010!;
    const frame = dicomParser.readEncapsulatedPixelDataFromFragments(dataset, element, 0, element.fragments!.length);
    const description = { ...grey, rows: 1024, columns: 256, bitsAllocated: 16, bitsStored: 16, highBit: 15 };
    const failure = await pool(1).run({ ...png, description, syntaxUid: "1.2.840.10008.1.2.4.91" }, frame).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RenderFailure);
    expect((failure as RenderFailure).message).toContain("longer than 1 ms");
  });

  it("refuses a frame claiming more pixels than it decodes, then renders the next one", async () => {
    const renderer = pool(20_000);
    const huge = { ...grey, rows: 65535, columns: 65535 };
    const failure = await renderer.run({ ...png, description: huge, syntaxUid: "1.2.840.10008.1.2.4.80" }, new Uint8Array(16)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RenderFailure);
    expect((failure as RenderFailure).unrenderable).toBe(true);
    expect((failure as RenderFailure).message).toContain("exceed");
    const image = await renderer.run({ ...png, description: grey, syntaxUid: "1.2.840.10008.1.2.1" }, Uint8Array.of(0, 80, 160, 240));
    expect(image.subarray(1, 4).toString()).toBe("PNG");
  });
});

describe("decoding in the workers", () => {
  it("decodes HTJ2K (encoded here by OpenJPH) back to the same 16-bit pixels", async () => {
    await NativeCodecs.initializeAsync();
    const rows = 32;
    const columns = 48;
    const pixels = new Uint16Array(rows * columns).map((_, i) => (i * 37) % 4096);
    const context = new Context({ width: columns, height: rows, bitsAllocated: 16, bitsStored: 12, samplesPerPixel: 1, pixelRepresentation: 0, planarConfiguration: 0, photometricInterpretation: "MONOCHROME2", decodedBuffer: new Uint8Array(pixels.buffer) });
    const encoded = NativeCodecs.encodeHtJpeg2000(context, { lossy: false }).getEncodedBuffer()!;
    const description = { ...grey, rows, columns, bitsAllocated: 16, bitsStored: 12, highBit: 11 };
    const decoded = await pool(20_000).run({ kind: "decode", description, syntaxUid: "1.2.840.10008.1.2.4.201" }, encoded);
    expect(Buffer.from(decoded).equals(Buffer.from(pixels.buffer))).toBe(true);
  });
});
