import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage } from "./pages";
import { requestReadyToRead } from "./reading-ready";
import { expect, test, type Locator } from "./test";

const inputValues = (inputs: Locator) => inputs.evaluateAll((nodes) => nodes.map((node) => (node as HTMLInputElement).value));

// Issue 17: a department head builds a report template in the form editor, without writing
// any JSON: sections and typed fields added, renamed, reordered (by keyboard too), previewed
// as the radiologist will see it, and saved as a version a radiologist can then choose.

test("a department head builds a template in the form, previews and saves it; a radiologist picks it in the report editor", async ({ browser }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const code = `doppler_${suffix}`;
  const title = `Doppler veineux ${suffix}`;

  const head = await signedInPage(browser, accounts.head);
  await head.goto("/admin/templates");
  await head.getByTestId("template-new").click();
  const editor = head.getByTestId("template-editor");
  await editor.locator("#template-code").fill(code);
  await editor.locator("#template-title").fill(title);
  await editor.locator("#template-modality").selectOption("CT");
  // The form is what opens: no JSON on screen.
  await expect(editor.getByRole("button", { name: "Formulaire" })).toHaveAttribute("aria-pressed", "true");
  await expect(editor.getByTestId("template-json")).toHaveCount(0);

  const form = editor.getByTestId("template-form");
  const section = (id: string) => form.locator(`[data-testid="form-section"][data-section-id="${id}"]`);
  const field = (id: string) => form.locator(`[data-testid="form-field"][data-field-id="${id}"]`);
  const addField = async (sectionId: string, label: string, kind: string) => {
    await section(sectionId).getByLabel("Libellé du nouveau champ").fill(label);
    await section(sectionId).getByLabel("Type du nouveau champ").selectOption({ label: kind });
    await section(sectionId).getByRole("button", { name: "Ajouter le champ" }).click();
  };

  // The starter's findings section, renamed, gets a choice, a number with its unit and a yes/no.
  await section("resultats").getByLabel("Titre de la section").fill("Constatations");
  await addField("resultats", "Côté", "Choix dans une liste");
  // A choice without options is refused where it is, in words.
  await editor.getByTestId("template-validate").click();
  await expect(field("cote").getByTestId("form-issue")).toHaveText("Un champ à choix propose au moins deux options.");
  await shootWhenAsked(head, "template-form-errors");
  await field("cote").getByLabel("Options (une par ligne)").fill("Droit\nGauche\nBilatéral");
  await expect(field("cote").getByTestId("form-issue")).toHaveCount(0);
  await field("cote").getByLabel("Obligatoire").check();
  await addField("resultats", "Diamètre de la veine", "Nombre avec unité");
  await field("diametre_de_la_veine").getByLabel("Unité").fill("mm");
  await addField("resultats", "Thrombose", "Oui / non");
  // The yes/no goes above the diameter, from the keyboard: the focus stays on the arrow.
  const thromboseUp = form.getByRole("button", { name: "Monter le champ « Thrombose »" });
  await thromboseUp.focus();
  await head.keyboard.press("Enter");
  await expect(thromboseUp).toBeFocused();

  // A new section, added at the end, moved to the top.
  await form.getByLabel("Titre de la nouvelle section").fill("Technique");
  await form.getByRole("button", { name: "Ajouter la section" }).click();
  await addField("technique", "Protocole", "Texte");
  await form.getByRole("button", { name: "Monter la section « Technique »" }).click();
  await form.getByRole("button", { name: "Monter la section « Technique »" }).click();
  await expect(form.getByTestId("form-section").locator("h3")).toHaveText(["Section 1", "Section 2", "Section 3"]);
  await expect.poll(() => inputValues(form.getByLabel("Titre de la section", { exact: true }))).toEqual(["Technique", "Constatations", "Conclusion"]);

  // The preview is the radiologist's form, in that order, with the options and the unit.
  const preview = editor.getByTestId("template-preview");
  await expect(preview.locator("legend")).toHaveText(["Technique", "Constatations", "Conclusion"]);
  await expect.poll(() => preview.getByTestId("preview-field").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-field-id")))).toEqual([
    "protocole",
    "resultats",
    "cote",
    "thrombose",
    "diametre_de_la_veine",
    "conclusion",
  ]);
  await expect(preview.getByLabel("Côté")).toContainText("Bilatéral");
  await expect(preview.getByLabel("Diamètre de la veine (mm)")).toHaveAttribute("type", "number");
  await shootWhenAsked(head, "template-form-editor");

  await editor.getByTestId("template-save").click();
  await expect(head.getByTestId("template-notice")).toHaveText("Version 1 enregistrée.");

  // Experts still have the JSON, of the same definition; unreadable JSON leaves the form as it was.
  const saved = head.getByTestId("template-editor");
  await saved.getByRole("button", { name: "JSON (experts)" }).click();
  await expect(saved.getByTestId("template-json")).toHaveValue(/"unit": "mm"/);
  await saved.getByTestId("template-json").fill('{ "sections": [');
  await saved.getByRole("button", { name: "Formulaire" }).click();
  await expect(saved.getByTestId("json-leave-refused")).toContainText("corrigez-les pour revenir au formulaire");
  await expect(saved.getByTestId("template-error")).toContainText("JSON illisible");
  await saved.getByRole("button", { name: "Revenir au formulaire sans ces modifications" }).click();
  await expect.poll(() => inputValues(saved.getByTestId("template-form").getByLabel("Titre de la section", { exact: true }))).toEqual(["Technique", "Constatations", "Conclusion"]);

  // A radiologist reading a CT finds it under "Changer de modèle".
  const { radiologist } = await requestReadyToRead(browser, "Tpl");
  await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
  const report = radiologist.getByTestId("report-editor");
  await report.locator("#report-template").selectOption({ label: title });
  await report.getByRole("button", { name: "Changer de modèle" }).click();
  await expect(report).toContainText(`${title} (v1)`);
  await expect(report.locator("legend")).toContainText(["Technique", "Constatations", "Conclusion"]);
  await expect(report.locator("#report-field-cote")).toContainText("Bilatéral");
  await report.locator("#report-field-thrombose").selectOption("no");
  await expect(report.getByLabel("Diamètre de la veine (mm)")).toBeVisible();
  await expect(radiologist.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
});
