import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { TemplateDefinition } from "@/lib/domain/reports/template-definition";
import type { Db } from "../../db/client";
import type { TemplateVersionDto } from "./template-admin-dto";
import { assertTemplateEditor } from "./template-editor-guard";

/** Every version of a code, newest first, each with its definition (older ones are read-only). */
export async function getTemplateVersions(args: { db: Db; actor: Actor; code: string }): Promise<TemplateVersionDto[]> {
  const { db, actor, code } = args;
  assertTemplateEditor(actor);
  const rows = await db.reportTemplate.findMany({
    where: { code },
    select: {
      id: true,
      code: true,
      version: true,
      title: true,
      purpose: true,
      modality: true,
      active: true,
      definition: true,
      createdAt: true,
      createdBy: { select: { id: true, displayName: true } },
      _count: { select: { reports: true } },
    },
    orderBy: { version: "desc" },
  });
  if (rows.length === 0) throw new AppError("NOT_FOUND", "Template not found");
  return rows.map(({ createdBy, _count, definition, ...row }) => ({
    ...row,
    // Validated by templateDefinitionSchema when saved. Not parsed again here: a version that a
    // later, stricter schema would refuse must still be shown, since reports were signed with it.
    definition: definition as unknown as TemplateDefinition,
    createdBy: createdBy ? { id: createdBy.id, name: createdBy.displayName } : null,
    reportCount: _count.reports,
  }));
}
