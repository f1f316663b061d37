import { describe, expect, it } from "vitest";
import { negotiateFrames, negotiateInstance, negotiateRendered, parseAccept } from "./accept-negotiation";

const JLS = "1.2.840.10008.1.2.4.80";
const J2K = "1.2.840.10008.1.2.4.90";
const RLE = "1.2.840.10008.1.2.5";
const EVRLE = "1.2.840.10008.1.2.1";
const IVRLE = "1.2.840.10008.1.2";
const BIG = "1.2.840.10008.1.2.2";

describe("parseAccept", () => {
  it("reads multipart types, transfer syntaxes and q-values, best first and stable on ties", () => {
    const ranges = parseAccept('image/png;q=0.5, multipart/related; type="application/octet-stream"; transfer-syntax=*, */*;q=0.1, image/jpeg');
    expect(ranges.map((r) => [r.multipart, r.type, r.transferSyntax, r.q])).toEqual([
      [true, "application/octet-stream", "*", 1],
      [false, "image/jpeg", undefined, 1],
      [false, "image/png", undefined, 0.5],
      [false, "*/*", undefined, 0.1],
    ]);
  });
  it("drops q=0 and malformed ranges; no header means anything", () => {
    expect(parseAccept("image/png;q=0, nonsense, ").map((r) => r.type)).toEqual([]);
    expect(parseAccept(undefined)).toEqual([{ multipart: false, type: "*/*", transferSyntax: undefined, q: 1 }]);
  });
});

describe("negotiateFrames", () => {
  it("no Accept and */* give the stored syntax with its own media type", () => {
    expect(negotiateFrames(undefined, JLS, 2, true)).toMatchObject({ ok: true, syntax: JLS, mediaType: "image/jls", transcode: false, singlePart: false });
    expect(negotiateFrames("*/*", RLE, 1, true)).toMatchObject({ ok: true, syntax: RLE, mediaType: "image/dicom-rle", transcode: false });
    expect(negotiateFrames("*/*", EVRLE, 1, true)).toMatchObject({ ok: true, syntax: EVRLE, mediaType: "application/octet-stream" });
  });
  it("octet-stream with transfer-syntax=* sends the stored bytes naming their syntax (Cornerstone's request)", () => {
    expect(negotiateFrames("application/octet-stream; transfer-syntax=*", J2K, 1, true)).toMatchObject({ ok: true, syntax: J2K, singlePart: true, transcode: false });
    expect(negotiateFrames('multipart/related; type="application/octet-stream"; transfer-syntax=*', J2K, 3, true)).toMatchObject({ ok: true, syntax: J2K, singlePart: false });
  });
  it("octet-stream without transfer-syntax means Explicit VR Little Endian: decoded when stored compressed", () => {
    expect(negotiateFrames('multipart/related; type="application/octet-stream"', JLS, 1, true)).toMatchObject({ ok: true, syntax: EVRLE, transcode: true });
    expect(negotiateFrames('multipart/related; type="application/octet-stream"', IVRLE, 1, true)).toMatchObject({ ok: true, syntax: EVRLE, transcode: false });
    expect(negotiateFrames('multipart/related; type="application/octet-stream"', BIG, 1, true)).toMatchObject({ ok: true, syntax: EVRLE, transcode: true });
  });
  it("refuses (406) rather than relabel: a compressed syntax it does not hold, or an undecodable one", () => {
    expect(negotiateFrames('multipart/related; type="image/jls"', J2K, 1, true).ok).toBe(false);
    expect(negotiateFrames(`multipart/related; type="application/octet-stream"; transfer-syntax=${JLS}`, J2K, 1, true).ok).toBe(false);
    expect(negotiateFrames('multipart/related; type="application/octet-stream"', JLS, 1, false).ok).toBe(false);
  });
  it("compressed media types are served as stored, with their default syntax", () => {
    expect(negotiateFrames('multipart/related; type="image/jls"', JLS, 2, true)).toMatchObject({ ok: true, mediaType: "image/jls", syntax: JLS });
    expect(negotiateFrames("image/jp2", J2K, 1, true)).toMatchObject({ ok: true, mediaType: "image/jp2", singlePart: true });
  });
  it("a single-part type cannot carry several frames", () => {
    expect(negotiateFrames("application/octet-stream; transfer-syntax=*", JLS, 2, true).ok).toBe(false);
  });
  it("follows q-values", () => {
    expect(negotiateFrames('multipart/related; type="image/jls";q=0.2, multipart/related; type="application/octet-stream";q=0.9', JLS, 1, true)).toMatchObject({ syntax: EVRLE, transcode: true });
  });
});

describe("negotiateInstance", () => {
  it("application/dicom, */* and no Accept give the file as stored", () => {
    expect(negotiateInstance(undefined, JLS, true)).toMatchObject({ ok: true, syntax: JLS, transcode: false, singlePart: false });
    expect(negotiateInstance("application/dicom", JLS, true)).toMatchObject({ ok: true, syntax: JLS, singlePart: true });
    expect(negotiateInstance('multipart/related; type="application/dicom"; transfer-syntax=*', RLE, true)).toMatchObject({ ok: true, syntax: RLE, singlePart: false });
  });
  it("transcodes to Explicit VR Little Endian on request, refuses other syntaxes", () => {
    expect(negotiateInstance(`multipart/related; type="application/dicom"; transfer-syntax=${EVRLE}`, JLS, true)).toMatchObject({ ok: true, syntax: EVRLE, transcode: true });
    expect(negotiateInstance(`multipart/related; type="application/dicom"; transfer-syntax=${J2K}`, JLS, true).ok).toBe(false);
    expect(negotiateInstance("image/jpeg", JLS, true).ok).toBe(false);
  });
});

describe("negotiateRendered", () => {
  it("images: JPEG by default, PNG on request; PDF only for an encapsulated PDF", () => {
    expect(negotiateRendered(undefined, "image")).toEqual({ ok: true, mediaType: "image/jpeg" });
    expect(negotiateRendered("image/png", "image")).toEqual({ ok: true, mediaType: "image/png" });
    expect(negotiateRendered("application/pdf", "image").ok).toBe(false);
    expect(negotiateRendered("application/pdf", "pdf")).toEqual({ ok: true, mediaType: "application/pdf" });
    expect(negotiateRendered("image/jpeg", "pdf").ok).toBe(false);
    expect(negotiateRendered("image/jpeg", "other").ok).toBe(false);
  });
});
