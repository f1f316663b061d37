import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { STARTER_TEMPLATES } from "@/lib/domain/reports/starter-templates";
import type { Db } from "../../db/client";

/**
 * Installs version 1 of each French starter template whose code is not there yet, and returns
 * how many it inserted. A code the administrator already has (in any version, active or not)
 * is left alone: the starter set never overwrites an edit nor revives a deactivated code.
 * Safe to run at every start and from several processes at once: the unique (code, version)
 * makes a concurrent second insert a skipped duplicate rather than an error.
 */
export async function ensureStarterTemplates(db: Db): Promise<number> {
  const existing = await db.reportTemplate.findMany({
    where: { code: { in: STARTER_TEMPLATES.map((template) => template.code) } },
    select: { code: true },
    distinct: ["code"],
  });
  const present = new Set(existing.map((row) => row.code));
  const missing = STARTER_TEMPLATES.filter((template) => !present.has(template.code));
  if (missing.length === 0) return 0;
  const { count } = await db.reportTemplate.createMany({
    data: missing.map((template) => ({
      code: template.code,
      version: 1,
      title: template.title,
      purpose: template.purpose,
      modality: template.modality,
      definition: template.definition as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  return count;
}
