import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { checkDefinitionText, definitionPathOf } from "./template-check";
import { describePath } from "./template-path";
import { formatDefinition, SKELETON_DEFINITION } from "./template-skeleton";

const t = createTranslator("fr");

describe("the editor's check of a definition", () => {
  it("accepts the new template's skeleton", () => {
    expect(checkDefinitionText(formatDefinition(SKELETON_DEFINITION))).toMatchObject({ ok: true, definition: SKELETON_DEFINITION });
  });

  it("reports unreadable JSON as one error on the whole definition", () => {
    const check = checkDefinitionText('{ "sections": [ }');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues).toEqual([{ path: [], key: "templates.editor.jsonSyntax", params: { message: expect.any(String) } }]);
    expect(describePath([], check.raw, t)).toBe("Définition");
  });

  it("lists each error with its path, in French words naming the section and the field", () => {
    const definition = structuredClone(SKELETON_DEFINITION) as unknown as { sections: { fields: Record<string, unknown>[] }[] };
    definition.sections[0]!.fields.push({ id: "Cote", label: "Côté", kind: "choice", options: ["Droit"], colour: "rouge" });
    const check = checkDefinitionText(JSON.stringify(definition));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const described = check.issues.map((issue) => [issue.path.join("."), t(issue.key, issue.params), describePath(issue.path, check.raw, t)]);
    expect(described).toEqual(
      expect.arrayContaining([
        ["sections.0.fields.1.id", t("templates.validation.fieldId"), "Section 1 « Résultats » › champ 2 « Côté » › identifiant"],
        ["sections.0.fields.1.options", t("templates.validation.options"), "Section 1 « Résultats » › champ 2 « Côté » › options"],
        ["sections.0.fields.1", "Propriété(s) inconnue(s) : colour.", "Section 1 « Résultats » › champ 2 « Côté »"],
      ]),
    );
  });

  it("reads the server's field paths back as editor paths", () => {
    expect(definitionPathOf("definition.sections.0.fields.2.id")).toEqual(["sections", 0, "fields", 2, "id"]);
    expect(definitionPathOf("title")).toBeNull();
  });
});
