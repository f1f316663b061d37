import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { coerceToDefinition } from "@/lib/domain/reports/template-values";
import type { ReportValues } from "@/lib/domain/reports/template-definition";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { draftConflict, loadVersionOfRequest } from "./load-draft";
import { assertHolder, loadReportSubject } from "./load-report-subject";
import { assertChoosableTemplate, loadDraftTemplate } from "./template-for-draft";

/**
 * Switches the original's draft to another offered template. Values of fields the new template
 * also has are kept (same id and type, cleared ones stay cleared); the others take its defaults.
 * An addendum keeps the template of the version it corrects, so that the diff means something.
 */
export async function changeTemplate(args: { db: Db; actor: Actor; requestId: string; draftId: string; draftVersion: number; templateId: string }) {
  const { db, actor } = args;
  return db.$transaction(async (tx) => {
    const request = await loadReportSubject(tx, actor, args.requestId);
    assertHolder(actor, request);
    const draft = await loadVersionOfRequest(tx, request.id, args.draftId);
    if (draft.kind === "ADDENDUM") throw new AppError("INVALID_TRANSITION", "An addendum keeps the template of the report it corrects", { action: "CHANGE_TEMPLATE", from: "ADDENDUM" });
    await assertChoosableTemplate(tx, request.type, args.templateId);
    const template = await loadDraftTemplate(tx, args.templateId, { requestType: request.type, modality: request.modality, kind: draft.kind, contrastInjection: request.contrastInjection });
    const values = coerceToDefinition(template.definition, draft.values as ReportValues);
    const { count } = await tx.reportVersion.updateMany({
      where: { id: draft.id, draftVersion: args.draftVersion, signedAt: null },
      data: { templateId: template.id, values: values as Prisma.InputJsonValue, draftVersion: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
    });
    if (count === 0) throw await draftConflict(tx, draft.id);
    await writeAudit(tx, { actorId: actor.id, action: "REPORT_TEMPLATE_CHANGED", entityType: "ReportVersion", entityId: draft.id, siteId: request.siteId, detail: { template: `${template.code}@${template.version}` } });
    return { draftId: draft.id, draftVersion: args.draftVersion + 1 };
  });
}
