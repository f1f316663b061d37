import { randomBytes } from "node:crypto";
import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage } from "./pages";
import { expectNoSeriousViolations } from "./axe";

// The administrator registers a site's C-MOVE destination in /admin: mistakes are named at
// their field in French before anything is sent, an AE title already used at the site is
// refused by the server at the same field, and the destination then lists and deactivates.
// Its AE title is fresh for each run, and it is left deactivated: no other spec sees it.

test("the administrator adds a C-MOVE destination, with bad input named at its field", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.admin);
  await page.goto("/admin");
  const panel = page.getByTestId("move-destinations-editor");
  await expect(panel.getByRole("heading", { name: "Destinations C-MOVE" })).toBeVisible();
  const form = panel.getByTestId("move-destination-add");
  const aeTitle = `E2E_${randomBytes(4).toString("hex").toUpperCase()}`;

  // Everything wrong at once: each field says what it expects, nothing is sent.
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(form.getByText("Choisissez une valeur.")).toBeVisible();
  await expect(form.getByText("Le libellé est obligatoire.")).toBeVisible();
  await form.getByLabel("Site").selectOption({ index: 1 });
  await form.getByLabel("Libellé").fill("Console e2e");
  await form.getByLabel("Titre AE").fill("UN_TITRE_AE_TROP_LONG");
  await form.getByLabel("Hôte").fill("pacs_01");
  await form.getByLabel("Port").fill("70000");
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(form.getByLabel("Titre AE")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Le titre AE a 16 caractères au plus.")).toBeVisible();
  await expect(form.getByText(/Hôte invalide/)).toBeVisible();
  await expect(form.getByText("Le port est un nombre entier de 1 à 65535.")).toBeVisible();
  await shootWhenAsked(page, "admin-move-destinations-errors", panel);

  await form.getByLabel("Titre AE").fill(aeTitle);
  await form.getByLabel("Hôte").fill("127.0.0.1");
  await form.getByLabel("Port").fill("11112");
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(panel.getByTestId("move-destinations-message")).toHaveText("Destination ajoutée.");
  const row = panel.locator(`[data-ae-title="${aeTitle}"]`);
  await expect(row).toContainText("127.0.0.1:11112");
  await expect(row).toContainText("active");
  // The form is empty again for the next one.
  await expect(form.getByLabel("Titre AE")).toHaveValue("");

  // The same AE title again at the same site: the server's refusal, at the field.
  await form.getByLabel("Site").selectOption({ index: 1 });
  await form.getByLabel("Libellé").fill("Doublon");
  await form.getByLabel("Titre AE").fill(aeTitle);
  await form.getByLabel("Hôte").fill("127.0.0.1");
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(form.getByText("Ce site a déjà une destination avec ce titre AE.")).toBeVisible();
  await shootWhenAsked(page, "admin-move-destinations", panel);
  // The list, the form and its errors, as a screen reader meets them.
  await expectNoSeriousViolations(page, "/admin with C-MOVE destinations listed and a form error shown");

  await row.getByRole("button", { name: `Désactiver ${aeTitle}` }).click();
  await expect(row).toContainText("désactivée");
  await expect(row.getByRole("button", { name: `Réactiver ${aeTitle}` })).toBeVisible();
});
