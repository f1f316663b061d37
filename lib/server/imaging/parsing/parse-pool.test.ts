import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ctHeadSeries } from "@/lib/dicom/synthetic";
import { createParsePool } from "./parse-pool";

const pool = createParsePool({ workers: 1, timeoutMs: 10_000, maxHeapMb: 128 });
afterAll(() => pool.close());

const [instance] = [...ctHeadSeries({ seed: "parse-pool", patient: { familyName: "ROUX", givenName: "ANNE", birthDate: "19600101", sex: "F", patientId: "PP-1" }, slices: 1, size: 64 })];

describe("handing an instance's buffer to the parse worker", () => {
  it("leaves the caller's bytes intact unless it hands them over (a sender may store the same bytes again)", async () => {
    const bytes = new Uint8Array(instance!.bytes);
    const { parsed, bytes: back } = await pool.parse(bytes);
    expect(parsed.sopInstanceUid).toBe(instance!.sopInstanceUid);
    expect(bytes.byteLength).toBe(instance!.bytes.byteLength);
    expect(Buffer.from(back).equals(Buffer.from(instance!.bytes))).toBe(true);
  });

  it("moves a handed-over buffer to the worker and back without a copy: the same bytes come back, the caller's view is emptied", async () => {
    const bytes = new Uint8Array(instance!.bytes);
    const { parsed, bytes: back } = await pool.parse(bytes, { handOver: true });
    expect(parsed.sopInstanceUid).toBe(instance!.sopInstanceUid);
    expect(bytes.byteLength).toBe(0);
    expect(Buffer.from(back).equals(Buffer.from(instance!.bytes))).toBe(true);
  });

  it("returns the DICOM JSON metadata as the text it is stored as, and the file's SHA-256 (its archive name)", async () => {
    const { parsed, sha256 } = await pool.parse(new Uint8Array(instance!.bytes));
    expect(sha256).toBe(createHash("sha256").update(instance!.bytes).digest("hex"));
    const metadata = JSON.parse(parsed.metadataJson) as Record<string, { vr: string; Value?: unknown[] }>;
    expect(metadata["00080018"]).toEqual({ vr: "UI", Value: [instance!.sopInstanceUid] });
    expect(metadata["00100020"]?.Value).toEqual(["PP-1"]);
  });

  it("still copies a handed-over view of a larger buffer (it cannot give away bytes that are not all its own)", async () => {
    const larger = new Uint8Array(instance!.bytes.byteLength + 16);
    larger.set(instance!.bytes, 16);
    const view = larger.subarray(16);
    await pool.parse(view, { handOver: true });
    expect(view.byteLength).toBe(instance!.bytes.byteLength);
  });
});
