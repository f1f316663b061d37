import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { freshUserLike } from "./fresh-user";
import { shootWhenAsked, signedInPage, waitUntilLive } from "./pages";

// Issue 17 (defects 9, 11, 12 and the language per user): dates typed and read day first in
// the interface's language whatever the browser's, the INS key, an expiry in the past, and the
// language remembered on the profile.

test("in a browser set to American English, the French form takes and shows the birth date day first, and checks the INS key", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.referrerSal, { locale: "en-US" });
  await page.goto("/requests/new");
  const familyName = `Datejour${Date.now().toString(36)}`;
  const birthDate = page.locator("#patient\\.birthDate");
  await expect(birthDate).toHaveAttribute("placeholder", "jj/mm/aaaa");
  await birthDate.pressSequentially("31/02/1951");
  await page.locator("#priority").selectOption("URGENT");
  await page.locator("#patient\\.familyName").fill(familyName);
  await page.locator("#patient\\.givenName").fill("Jeanne");
  await page.locator("#patient\\.sex").selectOption("FEMALE");
  await page.locator("#patient\\.sitePatientId").fill(`IPP-${familyName}`);
  // 2 55 08 14 168 025 38 with its last digit mistyped.
  await page.locator("#patient\\.ins").fill("255081416802539");
  await page.locator("#modality").selectOption("CT");
  await page.locator("#bodyRegion").fill("Thorax");
  await page.locator("#clinicalContext").fill("Dyspnée brutale.");
  await page.locator("#clinicalQuestion").fill("Embolie pulmonaire ?");
  await page.locator("#contrast\\.renalFunction").selectOption("NORMAL");
  await page.locator("#contrast\\.contrastAllergy").selectOption("NO");
  await page.locator("#contrast\\.pregnancy").selectOption("NOT_APPLICABLE");
  await page.locator("#contrast\\.metformin").selectOption("NO");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByTestId("error-patient.birthDate")).toHaveText("Date invalide : jj/mm/aaaa attendu (par exemple 02/03/1951).");
  await expect(page.getByTestId("error-patient.ins")).toHaveText("INS invalide : la clé (2 derniers chiffres) ne correspond pas au numéro. Vérifiez la saisie.");
  await shootWhenAsked(page, "request-form-date-errors");

  await birthDate.fill("");
  await birthDate.pressSequentially("02/03/1951");
  await expect(birthDate).toHaveValue("02/03/1951");
  await page.locator("#patient\\.ins").fill("2 55 08 14 168 025 38");
  // Issue 18: the identity's status travels with the INS, and the volet's other order items.
  await page.locator("#patient\\.insStatus").selectOption("QUALIFIED");
  await page.locator("#priorResults").fill("Angioscanner thoracique de 2024 normal.");
  await page.locator("#otherContraindications").fill("Pacemaker");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("patient-birth-date")).toHaveText("02/03/1951");
  // By role: the print-only sheets carrying the same INS are hidden on screen.
  await expect(page.getByRole("definition").filter({ hasText: "255081416802538" })).toBeVisible();
  await expect(page.getByTestId("patient-ins-status")).toHaveText("Identité qualifiée");
  await expect(page.getByText("Angioscanner thoracique de 2024 normal.")).toBeVisible();
});

test("an administrator is warned before giving a reading privilege an expiry already past", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.admin, { locale: "en-US" });
  await page.goto("/admin");
  const editor = page.getByTestId("privileges-editor");
  await editor.locator("#privilege-user").selectOption({ index: 1 });
  await editor.locator("#privilege-site").selectOption({ index: 1 });
  await editor.locator("#privilege-expires").fill("01/01/2020");
  await expect(editor.getByTestId("privilege-expires-error")).toHaveText(
    "Cette date est déjà passée : l'habilitation serait expirée dès son enregistrement. Choisissez une date à partir de demain.",
  );
  await expect(editor.getByRole("button", { name: "Ajouter / modifier" })).toBeDisabled();
  await shootWhenAsked(page, "admin-privilege-expiry-past");
});

test("the language chosen with the switch is kept on the profile and applied at the next sign-in on another browser", async ({ browser }) => {
  const user = await freshUserLike(accounts.referrerSal.email, "Langue");
  const first = await signedInPage(browser, user, { locale: "fr-FR" });
  await expect(first.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await waitUntilLive(first);
  await first.getByLabel("Langue").selectOption("en");
  await expect(first.getByRole("button", { name: "Sign out" })).toBeVisible();
  await first.goto("/account");
  await expect(first.getByTestId("language-saved")).toHaveText("Saved language: English.");
  await shootWhenAsked(first, "account-language");
  await first.getByRole("button", { name: "Sign out" }).click();
  await first.waitForURL(/\/signin/);

  // Another workstation: no cookie of its own, French sign-in page, English once signed in.
  const second = await signedInPage(browser, user, { locale: "fr-FR" });
  await expect(second.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(second.locator("html")).toHaveAttribute("lang", "en");
  // Back to French from the account page: saved too.
  await second.goto("/account");
  await second.getByRole("radio", { name: "Français" }).check();
  await second.getByRole("button", { name: "Save language" }).click();
  await expect(second.getByTestId("language-saved")).toHaveText("Langue enregistrée : Français.");
});
