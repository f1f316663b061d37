import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json";
import type { ReportVersionKind } from "../enums";
import type { ReportValues } from "./template-definition";

// What a signature covers. The fingerprint is SHA-256 over the canonical JSON of exactly these
// members, all of them stored on the signed row, so that anyone can recompute it later (the
// verifier, lib/cli/verify-report-fingerprints.ts). Chaining the previous version's
// fingerprint makes removing or reordering an addendum detectable too.

export interface SignedContent {
  requestId: string;
  sequence: number;
  kind: ReportVersionKind;
  templateId: string;
  values: ReportValues;
  narrative: string;
  conclusion: string;
  signerId: string;
  signerName: string;
  signedAt: Date;
  previousFingerprint: string | null;
}

/** The canonical form: sorted keys, ISO dates, a format tag so that the form can evolve. */
export function canonicalReport(content: SignedContent): string {
  return canonicalJson({ format: "teleradio-report/1", ...content, signedAt: content.signedAt.toISOString() });
}

export function reportFingerprint(content: SignedContent): string {
  return createHash("sha256").update(canonicalReport(content), "utf8").digest("hex");
}
