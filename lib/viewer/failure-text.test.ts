import { describe, expect, it } from "vitest";
import { failureLines, seriesTitle, type FailureLabels } from "./failure-text";

const labels: FailureLabels = {
  title: "Image not shown",
  series: "Series: {series}",
  image: "Image {index}/{count}",
  wholeSeries: "Whole series",
  reason: "Reason: {reason}",
  http404: "not found on the server (HTTP 404)",
  http: "refused by the server (HTTP {status})",
  decode: "cannot be decoded ({message})",
  truncated: "compressed image incomplete ({bytes} bytes)",
  timeout: "timed out: no answer within {seconds} s",
  emptySeries: "the series holds no image",
  unknown: "unexpected error ({message})",
  retry: "Retry",
};

describe("a failed viewport's text", () => {
  it("names the series, the image (1-based) and the reason", () => {
    const title = seriesTitle({ number: 3, modality: "CT", description: "J2K CORROMPU" });
    expect(title).toBe("S3 · CT · J2K CORROMPU");
    expect(failureLines({ imageIndex: 4, reason: { kind: "decode", message: "truncated" } }, { seriesTitle: title, imageCount: 10 }, labels)).toEqual([
      "Image not shown",
      "Series: S3 · CT · J2K CORROMPU",
      "Image 5/10",
      "Reason: cannot be decoded (truncated)",
    ]);
  });

  it("says the whole series failed when its metadata did, and tells a 404 from another status", () => {
    const lines = failureLines({ imageIndex: null, reason: { kind: "http", status: 404 } }, { seriesTitle: "OT", imageCount: null }, labels);
    expect(lines.slice(2)).toEqual(["Whole series", "Reason: not found on the server (HTTP 404)"]);
    expect(failureLines({ imageIndex: 0, reason: { kind: "http", status: 503 } }, { seriesTitle: "OT", imageCount: 1 }, labels)[3]).toBe("Reason: refused by the server (HTTP 503)");
    expect(failureLines({ imageIndex: 4, reason: { kind: "truncated", bytes: 64 } }, { seriesTitle: "OT", imageCount: 10 }, labels)[3]).toBe("Reason: compressed image incomplete (64 bytes)");
    expect(seriesTitle({ number: null, modality: "", description: null })).toBe("");
  });

  it("names a load that never answered as timed out, with its delay (a hang is a failure with Retry)", () => {
    expect(failureLines({ imageIndex: 0, reason: { kind: "timeout", seconds: 12 } }, { seriesTitle: "S1 · US", imageCount: 1 }, labels)[3]).toBe("Reason: timed out: no answer within 12 s");
  });
});
