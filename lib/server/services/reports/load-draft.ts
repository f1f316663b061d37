import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { Db, Tx } from "../../db/client";

/** A report version of this request by id; another request's version does not exist here. */
export async function loadVersionOfRequest(tx: Tx | Db, requestId: string, versionId: string) {
  const version = await tx.reportVersion.findFirst({
    where: { id: versionId, requestId },
    select: { id: true, sequence: true, kind: true, templateId: true, values: true, draftVersion: true, signedAt: true, fingerprint: true },
  });
  if (!version) throw new AppError("NOT_FOUND", "Report not found");
  return version;
}

/** The draft moved on (another tab, a take-over) or was signed: the caller must merge or reload. */
export async function draftConflict(tx: Tx | Db, draftId: string): Promise<AppError> {
  const current = await tx.reportVersion.findUnique({
    where: { id: draftId },
    select: { draftVersion: true, signedAt: true, updatedAt: true, updatedBy: { select: { displayName: true } } },
  });
  if (current?.signedAt) return new AppError("REPORT_CONFLICT", "The report was signed meanwhile", { signed: true, draftVersion: current.draftVersion });
  return new AppError("REPORT_CONFLICT", "The draft was saved elsewhere meanwhile", {
    signed: false,
    draftVersion: current?.draftVersion ?? null,
    updatedBy: current?.updatedBy.displayName ?? null,
    updatedAt: current?.updatedAt.toISOString() ?? null,
  });
}
