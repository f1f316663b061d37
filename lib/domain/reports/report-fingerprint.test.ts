import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalReport, reportFingerprint, type SignedContent } from "./report-fingerprint";

const content: SignedContent = {
  requestId: "5b0c3c36-6f43-4a57-9d0e-2a43f2a4f0b1",
  sequence: 0,
  kind: "ORIGINAL",
  templateId: "8f7e0f0c-0f59-4a43-8d7e-1c2b3a4d5e6f",
  values: { hemorrhage: false, aspects: 9, findings: "Pas d'anomalie.\nSillons visibles.", conclusion: "Normal.", midline_shift: null },
  narrative: "Résultats\nHémorragie intracrânienne : non\n\nCONCLUSION\nNormal.",
  conclusion: "Normal.",
  signerId: "0d6c2a9e-3f1b-4c1e-9a2b-7e6f5d4c3b2a",
  signerName: "Dr Claire Martin",
  signedAt: new Date("2026-03-14T09:26:53.589Z"),
  previousFingerprint: null,
};

/** Rebuilds an object with its keys in reverse order, recursively. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value) || value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
}

describe("the signed report's canonical form and fingerprint", () => {
  it("does not depend on the order of keys", () => {
    const reordered = reversedKeys(content);
    expect(Object.keys(reordered)[0]).toBe("previousFingerprint");
    expect(canonicalReport(reordered)).toBe(canonicalReport(content));
    expect(reportFingerprint(reordered)).toBe(reportFingerprint(content));
  });

  it("is the documented canonical JSON: sorted keys, ISO date, a format tag", () => {
    const canonical = canonicalReport(content);
    const parsed = JSON.parse(canonical) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(Object.keys(parsed.values as object)).toEqual(["aspects", "conclusion", "findings", "hemorrhage", "midline_shift"]);
    expect(parsed).toMatchObject({ format: "teleradio-report/1", signedAt: "2026-03-14T09:26:53.589Z", previousFingerprint: null });
  });

  it("matches a SHA-256 recomputed independently over that JSON", () => {
    // Written out by hand, as a verifier in another language would build it.
    const expected = JSON.stringify({
      conclusion: content.conclusion,
      format: "teleradio-report/1",
      kind: "ORIGINAL",
      narrative: content.narrative,
      previousFingerprint: null,
      requestId: content.requestId,
      sequence: 0,
      signedAt: "2026-03-14T09:26:53.589Z",
      signerId: content.signerId,
      signerName: "Dr Claire Martin",
      templateId: content.templateId,
      values: { aspects: 9, conclusion: "Normal.", findings: "Pas d'anomalie.\nSillons visibles.", hemorrhage: false, midline_shift: null },
    });
    expect(canonicalReport(content)).toBe(expected);
    const hash = createHash("sha256").update(Buffer.from(expected, "utf8")).digest("hex");
    expect(reportFingerprint(content)).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when any signed member changes", () => {
    const original = reportFingerprint(content);
    const variants: Partial<SignedContent>[] = [
      { values: { ...content.values, aspects: 8 } },
      { values: { ...content.values, hemorrhage: null } },
      { values: { ...content.values, extra: "x" } },
      { narrative: `${content.narrative} ` },
      { conclusion: "Normal" },
      { signerId: "0d6c2a9e-3f1b-4c1e-9a2b-7e6f5d4c3b2b" },
      { signerName: "Dr Claire Martin-Dupont" },
      { signedAt: new Date(content.signedAt.getTime() + 1) },
      { previousFingerprint: "0".repeat(64) },
      { sequence: 1, kind: "ADDENDUM" },
      { requestId: "5b0c3c36-6f43-4a57-9d0e-2a43f2a4f0b2" },
      { templateId: "8f7e0f0c-0f59-4a43-8d7e-1c2b3a4d5e60" },
    ];
    const fingerprints = variants.map((change) => reportFingerprint({ ...content, ...change }));
    expect(fingerprints).not.toContain(original);
    expect(new Set(fingerprints).size).toBe(variants.length);
  });
});
