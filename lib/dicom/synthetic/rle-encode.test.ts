import { describe, expect, it } from "vitest";
import { encodeRleFrame } from "./rle-encode";
import { ctHeadSeries } from "./ct-head-series";
import { decodeRleFrame, firstDifference, readBack } from "./test-support";
import { type SyntheticPatient } from "./types";

const patient: SyntheticPatient = { familyName: "Martin", givenName: "Paul", birthDate: "19700101", sex: "M", patientId: "RLE-1" };

function roundTrip(frame: Uint8Array, rows: number, columns: number, bytesPerSample: 1 | 2): Uint8Array {
  const encoded = encodeRleFrame(frame, { rows, columns, bytesPerSample });
  return decodeRleFrame(encoded, rows * columns, bytesPerSample);
}

describe("encodeRleFrame", () => {
  it("round-trips rows made of runs, literals, two-byte repeats and runs longer than 128", () => {
    const columns = 300;
    const rows = [
      new Array<number>(columns).fill(7),
      Array.from({ length: columns }, (_, i) => i % 2),
      Array.from({ length: columns }, (_, i) => Math.floor(i / 2) % 256),
      Array.from({ length: columns }, (_, i) => (i < 129 ? 3 : i < 131 ? 4 : (i * 37) % 251)),
      Array.from({ length: columns }, (_, i) => (i * 7919) % 256),
    ];
    const frame = Uint8Array.from(rows.flat());
    expect(roundTrip(frame, rows.length, columns, 1)).toEqual(frame);
  });

  it("writes the PS3.5 G.5 header: segment count, offsets from 64, even segment lengths", () => {
    const samples = Uint16Array.from({ length: 64 * 3 }, (_, i) => (i * 977) & 0xffff);
    const encoded = encodeRleFrame(new Uint8Array(samples.buffer), { rows: 3, columns: 64, bytesPerSample: 2 });
    const header = new DataView(encoded.buffer, encoded.byteOffset, 64);
    expect(header.getUint32(0, true)).toBe(2);
    expect(header.getUint32(4, true)).toBe(64);
    const second = header.getUint32(8, true);
    expect(second % 2).toBe(0);
    expect(encoded.length % 2).toBe(0);
    for (let unused = 12; unused < 64; unused += 4) expect(header.getUint32(unused, true)).toBe(0);
    // Segment 1 is the high bytes: decoding it alone gives samples >> 8.
    const decoded = new Uint16Array(decodeRleFrame(encoded, samples.length, 2).buffer);
    expect(decoded).toEqual(samples);
  });

  it("decodes a full 512 x 512 CT slice to exactly the uncompressed slice", () => {
    const options = { seed: "rle-round-trip", patient, slices: 1 };
    const [plain] = [...ctHeadSeries(options)];
    const [rle] = [...ctHeadSeries({ ...options, transferSyntax: "rle" })];
    if (!plain || !rle) throw new Error("no slice generated");
    const plainImage = readBack(plain.bytes);
    const rleImage = readBack(rle.bytes);
    expect(rleImage.transferSyntaxUid).toBe("1.2.840.10008.1.2.5");
    expect(plainImage.transferSyntaxUid).toBe("1.2.840.10008.1.2.1");
    expect([rleImage.rows, rleImage.columns]).toEqual([512, 512]);
    expect(rleImage.pixels.length).toBe(512 * 512);
    expect(firstDifference(rleImage.pixels, plainImage.pixels)).toBe(-1);
    expect(rle.bytes.length).toBeLessThan(plain.bytes.length);
  });
});
