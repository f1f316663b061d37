import { describe, expect, it } from "vitest";
import { STARTER_TEMPLATES } from "@/lib/domain/reports/starter-templates";
import { templateDefinitionSchema } from "@/lib/domain/reports/template-definition";
import { connectFreshTestDb } from "@/lib/testing/test-db";
import { ensureStarterTemplates } from "./ensure-starter-templates";

// The starter set is global (no site, no user), and other test files may install it in the
// run's shared database at any moment. Counting insertions exactly needs a database of its
// own: a fresh one, migrated, on the same PostgreSQL.
const fresh = connectFreshTestDb("starter");

describe("installing the starter templates", () => {
  it("inserts version 1 of each once, even when started several times at once", async () => {
    const db = fresh.current();
    const counts = await Promise.all([ensureStarterTemplates(db), ensureStarterTemplates(db), ensureStarterTemplates(db)]);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(STARTER_TEMPLATES.length);
    expect(await ensureStarterTemplates(db)).toBe(0);

    const rows = await db.reportTemplate.findMany({ orderBy: { code: "asc" } });
    expect(rows.map((row) => [row.code, row.version, row.active, row.createdById])).toEqual(
      STARTER_TEMPLATES.map((t) => t.code)
        .sort()
        .map((code) => [code, 1, true, null]),
    );
    for (const row of rows) {
      const starter = STARTER_TEMPLATES.find((t) => t.code === row.code)!;
      expect({ title: row.title, purpose: row.purpose, modality: row.modality }).toEqual({ title: starter.title, purpose: starter.purpose, modality: starter.modality });
      // What the database gives back is what the editor and the signing checks will parse.
      expect(templateDefinitionSchema.parse(row.definition)).toEqual(starter.definition);
    }
  });

  it("leaves a code the administrator already has alone, and installs only what is missing", async () => {
    const db = fresh.current();
    await db.reportTemplate.deleteMany({ where: { code: "free-form" } });
    await db.reportTemplate.update({ where: { code_version: { code: "chest-radiograph", version: 1 } }, data: { active: false, title: "Thorax (retiré)" } });

    expect(await ensureStarterTemplates(db)).toBe(1);
    const chest = await db.reportTemplate.findUniqueOrThrow({ where: { code_version: { code: "chest-radiograph", version: 1 } } });
    expect({ active: chest.active, title: chest.title }).toEqual({ active: false, title: "Thorax (retiré)" });
    expect(await db.reportTemplate.count({ where: { code: "free-form" } })).toBe(1);
  });
});
