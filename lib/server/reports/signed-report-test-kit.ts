// Builders for the PDF and verifier integration tests (not a test file itself): report versions
// inserted directly, as signing stores them, fingerprint included, so that these tests do not
// depend on the whole reading workflow.
import { randomUUID } from "node:crypto";
import { reportFingerprint } from "@/lib/domain/reports/report-fingerprint";
import type { TemplatePurpose } from "@/lib/domain/enums";
import type { Db } from "../db/client";

export async function insertTemplate(db: Db, options: { purpose?: TemplatePurpose; title?: string } = {}): Promise<{ id: string; title: string }> {
  return db.reportTemplate.create({
    data: { code: `TEST-${randomUUID()}`, version: 1, title: options.title ?? "TDM cérébrale sans injection", purpose: options.purpose ?? "REPORT", definition: { sections: [] } },
    select: { id: true, title: true },
  });
}

export interface InsertedVersion {
  id: string;
  sequence: number;
  fingerprint: string | null;
}

/**
 * One version of a request's report. Signed (with its fingerprint over exactly the stored
 * columns) unless `signedAt` is null, in which case it is a draft.
 */
export async function insertReportVersion(
  db: Db,
  args: {
    requestId: string;
    templateId: string;
    signer: { id: string; displayName: string };
    sequence: number;
    narrative: string;
    conclusion: string;
    signedAt: Date | null;
    previousFingerprint?: string | null;
  },
): Promise<InsertedVersion> {
  const id = randomUUID();
  const kind = args.sequence === 0 ? ("ORIGINAL" as const) : ("ADDENDUM" as const);
  const values = { findings: args.narrative, conclusion: args.conclusion, aspects: 10, contrast: false };
  const previousFingerprint = args.previousFingerprint ?? null;
  const base = { id, requestId: args.requestId, sequence: args.sequence, kind, templateId: args.templateId, values, createdById: args.signer.id, updatedById: args.signer.id };
  if (!args.signedAt) {
    await db.reportVersion.create({ data: base });
    return { id, sequence: args.sequence, fingerprint: null };
  }
  const fingerprint = reportFingerprint({
    requestId: args.requestId,
    sequence: args.sequence,
    kind,
    templateId: args.templateId,
    values,
    narrative: args.narrative,
    conclusion: args.conclusion,
    signerId: args.signer.id,
    signerName: args.signer.displayName,
    signedAt: args.signedAt,
    previousFingerprint,
  });
  await db.reportVersion.create({
    data: {
      ...base,
      narrative: args.narrative,
      conclusion: args.conclusion,
      signedById: args.signer.id,
      signerName: args.signer.displayName,
      signedAt: args.signedAt,
      fingerprint,
      previousFingerprint,
    },
  });
  return { id, sequence: args.sequence, fingerprint };
}
