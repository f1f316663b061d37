import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { assertTemplateEditor } from "./template-editor-guard";
import { lockTemplateCode } from "./lock-template-code";

/**
 * Offers or hides a code, all its versions at once. Nothing is deleted: signed reports keep
 * pointing at their version, and drafts already started keep theirs.
 */
export async function setTemplateActive(args: { db: Db; actor: Actor; code: string; active: boolean }): Promise<{ code: string; active: boolean }> {
  const { db, actor, code, active } = args;
  assertTemplateEditor(actor);
  return db.$transaction(async (tx) => {
    await lockTemplateCode(tx, code);
    const latest = await tx.reportTemplate.findFirst({ where: { code }, orderBy: { version: "desc" }, select: { id: true, version: true, active: true } });
    if (!latest) throw new AppError("NOT_FOUND", "Template not found");
    await tx.reportTemplate.updateMany({ where: { code }, data: { active } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "TEMPLATE_ACTIVE_CHANGED",
      entityType: "ReportTemplate",
      entityId: latest.id,
      detail: { code, version: latest.version, active, before: latest.active },
    });
    return { code, active };
  });
}
