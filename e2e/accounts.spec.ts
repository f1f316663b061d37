import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage } from "./pages";

// Accounts as an administrator and a new user meet them: created from /admin, activated
// through a one-time link, refused when deactivated; one's own password and sessions.

const passphrase = "le phare de la pointe du raz";

/** The administrator creates an account in the panel and reads the one-time link it shows. */
async function createThroughPanel(admin: Page, fields: { name: string; email: string; role: string; site: string }): Promise<string> {
  await admin.goto("/admin");
  const panel = admin.getByTestId("accounts-panel");
  await panel.getByTestId("account-new").click();
  const form = panel.getByTestId("account-create-form");
  await form.getByLabel("Nom").fill(fields.name);
  await form.getByLabel("E-mail").fill(fields.email);
  await form.getByLabel("Rôle").selectOption({ label: fields.role });
  await form.getByLabel("Site").selectOption({ label: fields.site });
  await form.getByRole("button", { name: "Créer le compte" }).click();
  await expect(panel.getByTestId("issued-link")).toContainText(`Lien à usage unique pour ${fields.name}`);
  return panel.getByTestId("issued-link-url").inputValue();
}

/** Opens a one-time link signed out and sets the password. */
async function activate(browser: Browser, link: string, password: string): Promise<void> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByLabel("Confirmez le mot de passe").fill(password);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByTestId("link-done")).toBeVisible();
  await context.close();
}

const fresh = () => randomBytes(3).toString("hex");

test("an administrator creates an account; the new user activates it through the one-time link and signs in; deactivation ends the session at once", async ({ browser }) => {
  const admin = await signedInPage(browser, accounts.admin);
  const tag = fresh();
  const user = { name: `Dr Inès Garnier ${tag}`, email: `ines.garnier.${tag}@chu.test`, role: "Médecin demandeur", site: "SAL · CH de Saint-Aubin-sur-Loire" };
  // No live socket for the administrator, so no indicator reading "offline" forever.
  await expect(admin.getByTestId("current-user")).toBeVisible();
  await expect(admin.getByTestId("live-status")).toHaveCount(0);
  const link = await createThroughPanel(admin, user);
  expect(link).toMatch(/\/account\/link#[A-Za-z0-9_-]{43}$/);
  const row = admin.locator(`[data-testid="account-row"][data-email="${user.email}"]`);
  await expect(row.getByTestId("account-state")).toHaveText("Activation en attente");
  await shootWhenAsked(admin, "accounts-admin");

  // A common password is refused with its reason, and the link still works afterwards.
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Activer votre compte" })).toBeVisible();
  await expect(page.getByText(`Bonjour ${user.name} (${user.email}).`)).toBeVisible();
  await shootWhenAsked(page, "account-link");
  await page.getByLabel("Mot de passe", { exact: true }).fill("motdepasse2026");
  await page.getByLabel("Confirmez le mot de passe").fill("motdepasse2026");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByTestId("link-error")).toContainText("parmi les plus courants");
  await page.getByLabel("Mot de passe", { exact: true }).fill(passphrase);
  await page.getByLabel("Confirmez le mot de passe").fill(passphrase);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await page.getByRole("link", { name: "Se connecter" }).click();

  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(passphrase);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByTestId("current-user")).toContainText(user.name, { timeout: 30_000 });

  // The used link no longer works.
  const again = await browser.newContext({ locale: "fr-FR" });
  const reused = await again.newPage();
  await reused.goto(link);
  await expect(reused.getByTestId("link-invalid")).toBeVisible();

  // Deactivated: the open session is refused at its next request.
  await admin.reload();
  admin.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Désactiver" }).click();
  await expect(admin.getByTestId("accounts-message")).toContainText("Compte désactivé : 1 session(s) fermée(s).");
  await expect(row.getByTestId("account-state")).toHaveText("Désactivé");
  expect((await page.request.get("/api/trpc/worklist.sites")).status()).toBe(401);
  await page.goto("/worklist");
  await expect(page).toHaveURL(/\/signin/);
});

test("a user changes their own password: the other browser's session ends, this one stays; they see and end their sessions", async ({ browser }) => {
  const admin = await signedInPage(browser, accounts.admin);
  const tag = fresh();
  const user = { name: `Paul Mercier ${tag}`, email: `paul.mercier.${tag}@chu.test`, role: "Manipulateur (MERM)", site: "SAL · CH de Saint-Aubin-sur-Loire" };
  await activate(browser, await createThroughPanel(admin, user), passphrase);
  const account = { email: user.email, password: passphrase, name: user.name };
  const here = await signedInPage(browser, account);
  const elsewhere = await signedInPage(browser, account);

  await here.getByTestId("current-user").click();
  await expect(here).toHaveURL(/\/account$/);
  await expect(here.getByTestId("own-session")).toHaveCount(2);
  await expect(here.locator('[data-testid="own-session"][data-current="true"]')).toContainText("Cette session");
  await shootWhenAsked(here, "my-account");

  const form = here.getByTestId("change-password");
  await form.getByLabel("Mot de passe actuel").fill("not the password");
  await form.getByLabel("Nouveau mot de passe", { exact: true }).fill("une autre phrase de passe");
  await form.getByLabel("Confirmez le nouveau mot de passe").fill("une autre phrase de passe");
  await form.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(here.getByTestId("change-password-message")).toHaveText("Mot de passe actuel incorrect.");
  await form.getByLabel("Mot de passe actuel").fill(passphrase);
  await form.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(here.getByTestId("change-password-message")).toHaveText("Mot de passe changé. 1 autre(s) session(s) fermée(s).");
  await expect(here.getByTestId("own-session")).toHaveCount(1);

  await elsewhere.goto("/worklist");
  await expect(elsewhere).toHaveURL(/\/signin/);
  await here.goto("/worklist");
  await expect(here.getByTestId("current-user")).toContainText(user.name);
});
