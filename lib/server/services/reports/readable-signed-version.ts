import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canReadSignedReport } from "@/lib/domain/reports/report-access";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";

/**
 * The signed version a download names, if the actor may read it: a draft or another site's
 * version is NOT_FOUND (the answer never shows that it exists), and only physicians read reports.
 * One rule for every form of the report (PDF, CDA).
 */
export async function readableSignedVersion(db: Db, actor: Actor, versionId: string): Promise<{ id: string; sequence: number; requestId: string; siteId: string; accessionNumber: string }> {
  const target = await db.reportVersion.findFirst({
    where: { id: versionId, signedAt: { not: null }, request: visibleRequestsWhere(actor) },
    select: { id: true, sequence: true, requestId: true, request: { select: { siteId: true, accessionNumber: true } } },
  });
  if (!target) throw new AppError("NOT_FOUND", "Report not found");
  if (!canReadSignedReport(actor)) throw new AppError("FORBIDDEN", "Reports are read by physicians");
  return { id: target.id, sequence: target.sequence, requestId: target.requestId, siteId: target.request.siteId, accessionNumber: target.request.accessionNumber };
}
