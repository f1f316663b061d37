import { describe, expect, it } from "vitest";
import { isTruncatedCodestream, singlePartTransferSyntax } from "./codestream-check";

const J2K = "1.2.840.10008.1.2.4.90";

describe("a frame's codestream before decoding", () => {
  it("accepts a JPEG 2000 codestream ending with its EOC marker, padded or not", () => {
    expect(isTruncatedCodestream(Uint8Array.from([0xff, 0x4f, 0xff, 0x51, 1, 2, 0xff, 0xd9]), J2K)).toBe(false);
    expect(isTruncatedCodestream(Uint8Array.from([0xff, 0x4f, 0xff, 0x51, 1, 0xff, 0xd9, 0x00]), J2K)).toBe(false);
  });

  it("accepts an end marker followed by an FF fill byte (pydicom's JPGExtended.dcm, examples_jpeg2k.dcm)", () => {
    expect(isTruncatedCodestream(Uint8Array.from([0xff, 0xd8, 1, 2, 0xff, 0xd9, 0xff, 0xff]), "1.2.840.10008.1.2.4.51")).toBe(false);
    expect(isTruncatedCodestream(Uint8Array.from([0xff, 0x4f, 0xff, 0x51, 1, 0xff, 0xd9, 0xff]), J2K)).toBe(false);
  });

  it("still refuses a codestream cut short whose last bytes happen to be FF", () => {
    expect(isTruncatedCodestream(Uint8Array.from([0xff, 0x4f, 0xff, 0x51, 1, 2, 0xff, 0xff]), J2K)).toBe(true);
  });

  it("refuses one cut short (OpenJPEG would hand back the previous frame's pixels)", () => {
    expect(isTruncatedCodestream(Uint8Array.from([0xff, 0x4f, 0xff, 0x51, 0, 0x29, 0, 0]), J2K)).toBe(true);
    expect(isTruncatedCodestream(new Uint8Array(0), "1.2.840.10008.1.2.4.50")).toBe(true);
  });

  it("does not judge what it does not know: native pixels, RLE, no transfer syntax", () => {
    expect(isTruncatedCodestream(Uint8Array.from([1, 2, 3]), "1.2.840.10008.1.2.1")).toBe(false);
    expect(isTruncatedCodestream(Uint8Array.from([1, 2, 3]), "1.2.840.10008.1.2.5")).toBe(false);
    expect(isTruncatedCodestream(Uint8Array.from([1, 2, 3]), null)).toBe(false);
  });

  it("reads the transfer syntax of a single-part answer only", () => {
    expect(singlePartTransferSyntax(`application/octet-stream; transfer-syntax=${J2K}`)).toBe(J2K);
    expect(singlePartTransferSyntax(`application/octet-stream; transfer-syntax="${J2K}"`)).toBe(J2K);
    expect(singlePartTransferSyntax(`multipart/related; type="application/octet-stream"; transfer-syntax=${J2K}`)).toBeNull();
    expect(singlePartTransferSyntax(null)).toBeNull();
  });
});
