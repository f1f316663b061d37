import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { editableTemplateDefinitionSchema, type SaveTemplateVersion } from "@/lib/domain/reports/template-admin-schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import type { SavedTemplateVersionDto } from "./template-admin-dto";
import { assertTemplateEditor } from "./template-editor-guard";
import { lockTemplateCode } from "./lock-template-code";

/**
 * Saves an edit as a new version. Signed reports point at the exact version they used, so a
 * version is never modified: the edit becomes expectedVersion + 1 (or 1 for a new code). Two
 * editors who started from the same version conflict: the later one gets REPORT_CONFLICT with
 * the version that won, and nothing is written.
 */
export async function saveTemplateVersion(args: { db: Db; actor: Actor; input: SaveTemplateVersion }): Promise<SavedTemplateVersionDto> {
  const { db, actor, input } = args;
  assertTemplateEditor(actor);
  // The procedure already parsed it; parsed again for other callers, since every report
  // written with this version will rely on it.
  const parsed = editableTemplateDefinitionSchema.safeParse(input.definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("BAD_INPUT", "Invalid template definition", { field: ["definition", ...(issue?.path ?? [])].map(String).join("."), message: issue?.message ?? null });
  }
  try {
    return await db.$transaction((tx) => insertNextVersion(tx, actor, { ...input, definition: parsed.data }));
  } catch (error) {
    // Backstop for a writer that did not take the lock: the unique (code, version) decided.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw await conflict(db, input.code);
    throw error;
  }
}

async function insertNextVersion(tx: Tx, actor: Actor, input: SaveTemplateVersion): Promise<SavedTemplateVersionDto> {
  await lockTemplateCode(tx, input.code);
  const latest = await tx.reportTemplate.findFirst({ where: { code: input.code }, orderBy: { version: "desc" }, select: { version: true, active: true } });
  if ((latest?.version ?? null) !== input.expectedVersion) throw await conflict(tx, input.code);
  const version = (latest?.version ?? 0) + 1;
  const saved = await tx.reportTemplate.create({
    data: {
      code: input.code,
      version,
      title: input.title,
      purpose: input.purpose,
      modality: input.modality,
      definition: input.definition as Prisma.InputJsonValue,
      // Active is a property of the code: a new version of a deactivated code stays hidden.
      active: latest?.active ?? true,
      createdById: actor.id,
    },
    select: { id: true, code: true, version: true },
  });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "TEMPLATE_VERSION_SAVED",
    entityType: "ReportTemplate",
    entityId: saved.id,
    detail: { code: saved.code, version: saved.version, previousVersion: latest?.version ?? null, title: input.title, purpose: input.purpose, modality: input.modality },
  });
  return saved;
}

async function conflict(db: Db | Tx, code: string): Promise<AppError> {
  const latest = await db.reportTemplate.findFirst({ where: { code }, orderBy: { version: "desc" }, select: { version: true } });
  return new AppError("REPORT_CONFLICT", latest ? `Template ${code} is at version ${latest.version} now` : `Template ${code} does not exist`, {
    code,
    latestVersion: latest?.version ?? null,
  });
}
