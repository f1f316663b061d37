import "server-only";
import type { Actor } from "@/lib/domain/access";
import { coerceToDefinition, defaultValues } from "@/lib/domain/reports/template-values";
import type { ReportValues } from "@/lib/domain/reports/template-definition";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { draftConflict, loadVersionOfRequest } from "./load-draft";
import { assertHolder, loadReportSubject } from "./load-report-subject";
import { loadDraftTemplate } from "./template-for-draft";

/**
 * Switches the draft to another template. Values of fields the new template also has are
 * kept (same id and type); the others take the new template's defaults.
 */
export async function changeTemplate(args: { db: Db; actor: Actor; requestId: string; draftId: string; draftVersion: number; templateId: string }) {
  const { db, actor } = args;
  return db.$transaction(async (tx) => {
    const request = await loadReportSubject(tx, actor, args.requestId);
    assertHolder(actor, request);
    const draft = await loadVersionOfRequest(tx, request.id, args.draftId);
    const template = await loadDraftTemplate(tx, args.templateId, { requestType: request.type, modality: request.modality, kind: draft.kind });
    const kept = coerceToDefinition(template.definition, draft.values as ReportValues);
    const values = { ...defaultValues(template.definition), ...dropNulls(kept) };
    const { count } = await tx.reportVersion.updateMany({
      where: { id: draft.id, draftVersion: args.draftVersion, signedAt: null },
      data: { templateId: template.id, values: values as Prisma.InputJsonValue, draftVersion: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
    });
    if (count === 0) throw await draftConflict(tx, draft.id);
    await writeAudit(tx, { actorId: actor.id, action: "REPORT_TEMPLATE_CHANGED", entityType: "ReportVersion", entityId: draft.id, siteId: request.siteId, detail: { template: `${template.code}@${template.version}` } });
    return { draftId: draft.id, draftVersion: args.draftVersion + 1 };
  });
}

function dropNulls(values: ReportValues): ReportValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== ""));
}
