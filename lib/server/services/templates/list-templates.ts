import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Db } from "../../db/client";
import type { TemplateListItemDto } from "./template-admin-dto";
import { assertTemplateEditor } from "./template-editor-guard";

/** Every code with its latest version, inactive ones included (the administrator may reactivate them). */
export async function listTemplates(args: { db: Db; actor: Actor }): Promise<TemplateListItemDto[]> {
  const { db, actor } = args;
  assertTemplateEditor(actor);
  // A few dozen codes with a handful of versions each: one query without the definitions,
  // grouped here, is simpler than a window function and just as fast.
  const rows = await db.reportTemplate.findMany({
    select: {
      code: true,
      version: true,
      title: true,
      purpose: true,
      modality: true,
      active: true,
      createdAt: true,
      createdBy: { select: { id: true, displayName: true } },
    },
    orderBy: [{ code: "asc" }, { version: "desc" }],
  });
  const byCode = new Map<string, TemplateListItemDto>();
  for (const row of rows) {
    const known = byCode.get(row.code);
    if (known) {
      known.versionCount += 1;
      continue;
    }
    byCode.set(row.code, {
      code: row.code,
      latestVersion: row.version,
      versionCount: 1,
      title: row.title,
      purpose: row.purpose,
      modality: row.modality,
      active: row.active,
      updatedAt: row.createdAt,
      updatedBy: row.createdBy ? { id: row.createdBy.id, name: row.createdBy.displayName } : null,
    });
  }
  return [...byCode.values()].sort((a, b) => Number(b.active) - Number(a.active) || a.title.localeCompare(b.title, "fr"));
}
