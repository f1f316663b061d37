import { readFileSync } from "node:fs";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { part10FromDataset } from "@/lib/dicom/part10-from-dataset";
import { readMetaHeader } from "@/lib/dicom/read-meta-header";
import { pydicomFile } from "@/lib/testing/corpus/public-dicom-files";
import { inflateIfDeflated } from "./inflate-deflated";

const deflated = readFileSync(pydicomFile("test_files/image_dfl.dcm"));
const LIMIT = 64 * 1024 * 1024;

describe("a deflated file at ingest", () => {
  it("is kept as Explicit VR Little Endian holding exactly the dataset that was deflated", async () => {
    const stored = await inflateIfDeflated(deflated, LIMIT);
    const meta = readMetaHeader(stored);
    expect(meta.transferSyntaxUid).toBe("1.2.840.10008.1.2.1");
    expect(meta.mediaStorageSopInstanceUid).toBe(readMetaHeader(deflated).mediaStorageSopInstanceUid);
    expect(Buffer.from(stored.subarray(meta.datasetOffset)).equals(inflateRawSync(deflated.subarray(readMetaHeader(deflated).datasetOffset)))).toBe(true);
  });

  it("leaves any other file untouched", async () => {
    const plain = readFileSync(pydicomFile("test_files/CT_small.dcm"));
    expect(await inflateIfDeflated(plain, LIMIT)).toBe(plain);
  });

  it("refuses a small body that would inflate beyond the instance limit (a zip bomb), and garbage", async () => {
    const bomb = part10FromDataset({
      sopClassUid: "1.2.840.10008.5.1.4.1.1.7",
      sopInstanceUid: "1.2.3.4",
      transferSyntaxUid: "1.2.840.10008.1.2.1.99",
      sourceAeTitle: "",
      implementationClassUid: "1.2.3",
      implementationVersionName: "TEST",
      chunks: [deflateRawSync(Buffer.alloc(8 * 1024 * 1024))],
    });
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    await expect(inflateIfDeflated(bomb, 1024 * 1024)).rejects.toMatchObject({ code: "TOO_LARGE" });
    const garbage = part10FromDataset({ ...{ sopClassUid: "1.2.840.10008.5.1.4.1.1.7", sopInstanceUid: "1.2.3.4", transferSyntaxUid: "1.2.840.10008.1.2.1.99" }, sourceAeTitle: "", implementationClassUid: "1.2.3", implementationVersionName: "T", chunks: [Uint8Array.of(1, 2, 3, 4, 5, 6)] });
    await expect(inflateIfDeflated(garbage, LIMIT)).rejects.toMatchObject({ code: "MALFORMED" });
  });
});
