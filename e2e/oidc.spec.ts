import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked } from "./pages";
import { DEMO_USERS } from "../prisma/demo-territory";

// Sign-in with Pro Santé Connect, against a real OpenID provider shaped like it (the test
// provider of lib/testing/oidc, started beside the product by playwright.config.ts): the
// browser goes through the provider's login and consent pages and back.

const BUTTON = "Se connecter avec Pro Santé Connect";

function idNatOf(email: string): string {
  const rpps = DEMO_USERS.find((user) => user.email === email)?.rpps;
  if (!rpps) throw new Error(`no RPPS for ${email}`);
  return `8${rpps}`;
}

async function freshSignInPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/signin");
  return page;
}

/** At the provider: who signs in, and with which means (eidas1: CPS card or e-CPS). */
async function authenticateAtProvider(page: Page, idNat: string, acr: "eidas1" | "eidas0" = "eidas1"): Promise<void> {
  await expect(page.getByRole("heading", { name: "Pro Santé Connect (test) : authentification" })).toBeVisible();
  await page.getByLabel("Identifiant national (idNat_PS)").fill(idNat);
  await page.getByLabel("Moyen d'authentification").selectOption(acr);
  await page.getByRole("button", { name: "S'authentifier" }).click();
}

/** The first time in a browser, the provider asks the user to let the service read their identity. */
async function consentAtProvider(page: Page): Promise<void> {
  await expect(page.getByText("openid scope_all")).toBeVisible();
  await page.getByRole("button", { name: "Autoriser" }).click();
}

async function signInWithPsc(browser: Browser, email: string): Promise<Page> {
  const page = await freshSignInPage(browser);
  await page.getByRole("button", { name: BUTTON }).click();
  await authenticateAtProvider(page, idNatOf(email));
  await consentAtProvider(page);
  return page;
}

test("a radiologist signs in with Pro Santé Connect and lands on the worklist as the account carrying that RPPS", async ({ browser }) => {
  const page = await freshSignInPage(browser);
  await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  await shootWhenAsked(page, "signin-psc");
  await page.getByRole("button", { name: BUTTON }).click();
  await authenticateAtProvider(page, idNatOf(accounts.radiologistSalVrn.email));
  await consentAtProvider(page);
  await expect(page).toHaveURL(/\/worklist/);
  await expect(page.getByTestId("current-user")).toContainText(accounts.radiologistSalVrn.name);
});

test("an RPPS number no account carries is refused, and the page says to ask the administrator", async ({ browser }) => {
  const page = await freshSignInPage(browser);
  await page.getByRole("button", { name: BUTTON }).click();
  await authenticateAtProvider(page, "819999999999");
  await consentAtProvider(page);
  await expect(page).toHaveURL(/\/signin\?error=OIDC_UNKNOWN_RPPS/);
  await expect(page.getByTestId("oidc-error")).toContainText("Aucun compte ne porte votre numéro RPPS");
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  await shootWhenAsked(page, "signin-psc-unknown-rpps");
});

test("an authentication weaker than eidas1 is refused, even for a known RPPS", async ({ browser }) => {
  const page = await freshSignInPage(browser);
  await page.getByRole("button", { name: BUTTON }).click();
  await authenticateAtProvider(page, idNatOf(accounts.radiologistMtcBlr.email), "eidas0");
  await consentAtProvider(page);
  await expect(page.getByTestId("oidc-error")).toHaveAttribute("data-refusal", "INSUFFICIENT_ACR");
  await expect(page.getByTestId("oidc-error")).toContainText("Authentification insuffisante");
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("turning back at the provider says the sign-in was cancelled", async ({ browser }) => {
  const page = await freshSignInPage(browser);
  await page.getByRole("button", { name: BUTTON }).click();
  await expect(page.getByRole("heading", { name: "Pro Santé Connect (test) : authentification" })).toBeVisible();
  await page.getByRole("button", { name: "Annuler" }).click();
  await expect(page.getByTestId("oidc-error")).toHaveAttribute("data-refusal", "CANCELLED");
  await expect(page.getByTestId("oidc-error")).toContainText("Connexion avec Pro Santé Connect annulée.");
});

test("step-up: the user authenticates again at the provider and comes back to the page, on a new session that replaces the old", async ({ browser }) => {
  const page = await signInWithPsc(browser, accounts.radiologistAllSites.email);
  await expect(page.getByTestId("current-user")).toContainText(accounts.radiologistAllSites.name);
  const api = page.context().request;
  const cookieOf = async () => {
    const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    return `${session!.name}=${session!.value}`;
  };
  const before = await cookieOf();

  await page.goto("/signin/step-up?callbackUrl=%2Fnotifications%3Ffrom%3Dsignature");
  await page.getByRole("button", { name: "M'authentifier avec Pro Santé Connect" }).click();
  // prompt=login: the provider asks again although its own session is live (consent is remembered).
  await authenticateAtProvider(page, idNatOf(accounts.radiologistAllSites.email));
  await expect(page).toHaveURL(/\/notifications\?from=signature$/);
  await expect(page.getByTestId("current-user")).toContainText(accounts.radiologistAllSites.name);

  const after = await cookieOf();
  expect(after).not.toBe(before);
  expect((await api.get("/api/trpc/worklist.sites", { headers: { cookie: after } })).status()).toBe(200);
  expect((await api.get("/api/trpc/worklist.sites", { headers: { cookie: before } })).status()).toBe(401);
});

test("a step-up that authenticates someone else is refused, and the signed-in user's session goes on", async ({ browser }) => {
  const page = await signInWithPsc(browser, accounts.head.email);
  await expect(page.getByTestId("current-user")).toContainText(accounts.head.name);
  await page.goto("/signin/step-up?callbackUrl=%2Fworklist");
  await page.getByRole("button", { name: "M'authentifier avec Pro Santé Connect" }).click();
  await authenticateAtProvider(page, idNatOf(accounts.radiologistMtcBlr.email));
  // Another person at the provider: its session starts over, consent included.
  await consentAtProvider(page);
  await expect(page.getByTestId("oidc-error")).toHaveAttribute("data-refusal", "IDENTITY_MISMATCH");
  await page.getByRole("link", { name: "Revenir à la page précédente" }).click();
  await expect(page).toHaveURL(/\/worklist$/);
  await expect(page.getByTestId("current-user")).toContainText(accounts.head.name);
});
