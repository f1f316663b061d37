import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { hasSignedReport } from "@/lib/domain/reports/report-access";
import { ADDENDUM_NOTE_FIELD } from "@/lib/domain/reports/effective-definition";
import type { ReportValues } from "@/lib/domain/reports/template-definition";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { assertHolder, loadReportSubject } from "./load-report-subject";

/**
 * A correction after signing is an addendum: a new version that starts from the last signed
 * one, with a required note saying what it corrects, signed in its turn. One open draft at a
 * time: the unique (request, sequence) makes a double click create one addendum, not two.
 */
export async function startAddendum(args: { db: Db; actor: Actor; requestId: string }) {
  const { db, actor } = args;
  const created = await runUseCase(db, async (tx, effects) => {
    const request = await loadReportSubject(tx, actor, args.requestId);
    assertHolder(actor, request);
    if (!hasSignedReport(request.status)) throw new AppError("INVALID_TRANSITION", "Only a signed report takes an addendum", { action: "ADDENDUM", from: request.status });
    const last = await tx.reportVersion.findFirst({ where: { requestId: request.id }, orderBy: { sequence: "desc" }, select: { sequence: true, signedAt: true, templateId: true, values: true } });
    if (!last) throw new AppError("INVALID_TRANSITION", "No signed report");
    if (!last.signedAt) return false;
    const values: ReportValues = { ...(last.values as ReportValues), [ADDENDUM_NOTE_FIELD]: null };
    // skipDuplicates: a concurrent click that created the same sequence first wins quietly.
    const { count } = await tx.reportVersion.createMany({
      data: [{ requestId: request.id, sequence: last.sequence + 1, kind: "ADDENDUM", templateId: last.templateId, values: values as Prisma.InputJsonValue, createdById: actor.id, updatedById: actor.id }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await writeAudit(tx, { actorId: actor.id, action: "REPORT_ADDENDUM_STARTED", entityType: "ReadingRequest", entityId: request.id, siteId: request.siteId, detail: { sequence: last.sequence + 1 } });
    effects.requestChanged(args.requestId, request.siteId);
    return true;
  });
  return { requestId: args.requestId, created };
}
