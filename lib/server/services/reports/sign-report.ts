import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { buildNarrative } from "@/lib/domain/reports/narrative";
import { teleradiologyStatement } from "@/lib/domain/reports/regulatory-block";
import { reportFingerprint } from "@/lib/domain/reports/report-fingerprint";
import type { SignReportInput } from "@/lib/domain/reports/report-schemas";
import type { ReportValues } from "@/lib/domain/reports/template-definition";
import { invalidFields, missingRequiredFields } from "@/lib/domain/reports/template-values";
import type { RelyingParty } from "../../auth/factors/relying-party";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { queueResultsOutInTx } from "../results-out/queue-results-out";
import { deliverSignedVersionInTx } from "./deliver-signed-version";
import { draftConflict, loadVersionOfRequest } from "./load-draft";
import { assertHolder, loadReportSubject, type ReportSubject } from "./load-report-subject";
import { assertSignatureReauth, type SigningSession } from "./signature-reauth";
import { loadDraftTemplate } from "./template-for-draft";

export type SignResult = { versionId: string; alreadySigned: boolean; fingerprint: string; signedAt: Date };

/**
 * Signing: an act of the radiologist in person, re-authenticated at that moment with the
 * strength of the sign-in (signature-reauth.ts); the version
 * signed is exactly the draft version the radiologist reviewed (a concurrent save makes it
 * miss); every required field must be there. The row is then frozen by the database, its
 * fingerprint chained to the previous version's, and the report goes to the requester at once.
 * Signing the same draft version again answers "already signed" and creates nothing.
 */
export async function signReport(args: { db: Db; actor: Actor; input: SignReportInput; now?: Date; session?: SigningSession | null; rp?: RelyingParty | null }): Promise<SignResult> {
  const { db, actor, input } = args;
  await assertSignatureReauth({ db, actor, input, session: args.session, rp: args.rp, now: args.now ?? new Date() });
  return runUseCase(db, async (tx, effects) => {
    const request = await loadReportSubject(tx, actor, input.requestId);
    const draft = await loadVersionOfRequest(tx, request.id, input.draftId);
    if (draft.signedAt) return alreadySigned(draft, input.draftVersion);
    assertHolder(actor, request);
    if (draft.draftVersion !== input.draftVersion) throw await draftConflict(tx, draft.id);
    assertSignableNow(request, draft.kind);

    const template = await loadDraftTemplate(tx, draft.templateId, { requestType: request.type, modality: request.modality, kind: draft.kind, contrastInjection: request.contrastInjection });
    const values = draft.values as ReportValues;
    const problems = [...missingRequiredFields(template.definition, values).map((m) => m.label), ...invalidFields(template.definition, values).map((f) => f.label)];
    if (problems.length > 0) throw new AppError("REPORT_INCOMPLETE", "Required fields are missing or invalid", { missing: problems.join(", ") });

    const signedAt = args.now ?? new Date();
    const body = buildNarrative(template.definition, values);
    const narrative = [body.narrative, teleradiologyStatement({ signerName: actor.displayName, siteName: request.site.name })].filter(Boolean).join("\n\n");
    const previousFingerprint = await previousFingerprintOf(tx, request.id, draft.sequence);
    const content = {
      requestId: request.id,
      sequence: draft.sequence,
      kind: draft.kind,
      templateId: draft.templateId,
      values,
      narrative,
      conclusion: body.conclusion,
      signerId: actor.id,
      signerName: actor.displayName,
      signedAt,
      previousFingerprint,
    };
    const fingerprint = reportFingerprint(content);
    // Conditional on the reviewed draft version and on not being signed: of two concurrent
    // sign calls, or a sign and a save, exactly one applies.
    const { count } = await tx.reportVersion.updateMany({
      where: { id: draft.id, draftVersion: input.draftVersion, signedAt: null },
      data: { narrative, conclusion: body.conclusion, signedById: actor.id, signerName: actor.displayName, signedAt, fingerprint, previousFingerprint },
    });
    if (count === 0) {
      const now = await tx.reportVersion.findUniqueOrThrow({ where: { id: draft.id }, select: { id: true, draftVersion: true, signedAt: true, fingerprint: true } });
      if (now.signedAt) return alreadySigned(now, input.draftVersion);
      throw await draftConflict(tx, draft.id);
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "REPORT_SIGNED",
      entityType: "ReportVersion",
      entityId: draft.id,
      siteId: request.siteId,
      detail: { requestId: request.id, sequence: draft.sequence, kind: draft.kind, fingerprint },
    });
    effects.requestChanged(input.requestId, request.siteId);
    await deliverSignedVersionInTx(tx, effects, { request, actor, version: { id: draft.id, kind: draft.kind, sequence: draft.sequence }, at: signedAt });
    const queued = await queueResultsOutInTx(tx, { requestId: request.id, versionId: draft.id, actor, now: signedAt });
    if (queued) effects.wakeJobs();
    return { versionId: draft.id, alreadySigned: false, fingerprint, signedAt };
  });
}

function alreadySigned(version: { id: string; draftVersion: number; signedAt: Date | null; fingerprint: string | null }, reviewed: number): SignResult {
  // The same version signed again is a repeated call; another version means the draft the
  // caller reviewed is not what was signed: a conflict, not a success.
  if (version.draftVersion !== reviewed || !version.signedAt || !version.fingerprint) {
    throw new AppError("REPORT_CONFLICT", "Another version of this report was signed", { signed: true, draftVersion: version.draftVersion });
  }
  return { versionId: version.id, alreadySigned: true, fingerprint: version.fingerprint, signedAt: version.signedAt };
}

function assertSignableNow(request: ReportSubject, kind: "ORIGINAL" | "ADDENDUM"): void {
  const ok = kind === "ORIGINAL" ? request.status === "IN_READING" : ["SIGNED", "DELIVERED", "ACKNOWLEDGED"].includes(request.status);
  if (!ok) throw new AppError("INVALID_TRANSITION", `Cannot sign a ${kind} while the request is ${request.status}`, { action: "SIGN", from: request.status });
}

async function previousFingerprintOf(tx: Tx, requestId: string, sequence: number): Promise<string | null> {
  if (sequence === 0) return null;
  const previous = await tx.reportVersion.findUnique({ where: { requestId_sequence: { requestId, sequence: sequence - 1 } }, select: { fingerprint: true } });
  if (!previous?.fingerprint) throw new AppError("INVALID_TRANSITION", "The previous version is not signed");
  return previous.fingerprint;
}

