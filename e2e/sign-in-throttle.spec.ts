import { randomBytes } from "node:crypto";
import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage } from "./pages";

// Wrong passwords in a row: the form says how long to wait, in French, and the administrator
// finds where blocked sign-ins are lifted.

test("after five wrong passwords the sign-in form asks to wait, and says how long", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/signin");
  // An address nobody else uses: the demo accounts the other tests sign in with stay open.
  await page.getByLabel("Adresse e-mail").fill(`inconnu.${randomBytes(4).toString("hex")}@demo.teleradio.fr`);
  await page.getByLabel("Mot de passe").fill("pas-le-bon-mot-de-passe");
  const alert = page.getByTestId("sign-in-error");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await expect(alert).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    // The alert is cleared on each submit: the next answer is a new one.
    await expect(page.getByRole("button", { name: "Se connecter", exact: true })).toBeEnabled();
  }
  // The delay doubles at each failure past the fifth (1 s, 2 s, 4 s): a few tries at most.
  await expect(async () => {
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await expect(alert).toHaveText(/^Trop de tentatives\. Réessayez dans \d+ s\.$/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await shootWhenAsked(page, "signin-throttled");
});

test("the administrator's page has the blocked sign-ins panel", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.admin);
  await page.goto("/admin");
  const panel = page.getByTestId("sign-in-locks");
  await expect(panel.getByRole("heading", { name: "Connexions bloquées" })).toBeVisible();
  await expect(panel).toContainText(/Aucune connexion bloquée\.|Débloquer/);
  await shootWhenAsked(page, "admin-sign-in-locks");
});
