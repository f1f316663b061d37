import { expect, test, type Page } from "./test";
import { accounts, type DemoAccount } from "./demo-accounts";
import { shootWhenAsked, signedInPage, waitUntilLive } from "./pages";

// The session's end as a user meets it: a warning two minutes before the idle limit with
// "Rester connecté", and a form submitted after the end that loses nothing through signing in
// again. The session is aged on the server (a test-only hook beside the test clock) rather than
// waited for, so no other spec's sessions are shortened. Idle limit: 30 min (the default).

const IDLE_SECONDS = 30 * 60;

/** Moves this page's session's last activity back, as if nothing had happened for that long. */
async function ageSession(page: Page, lastSeenSecondsAgo: number): Promise<void> {
  const answer = await page.request.post("/__test/session-age", { data: { lastSeenSecondsAgo } });
  expect(await answer.json()).toMatchObject({ moved: 1 });
}

/** The tab comes back to the front: the banner asks the server at once. */
async function backToFront(page: Page): Promise<void> {
  await page.evaluate("window.dispatchEvent(new Event('focus'))");
}

async function signInHere(page: Page, account: DemoAccount): Promise<void> {
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByTestId("current-user")).toContainText(account.name, { timeout: 30_000 });
  // The name is in the server's HTML; the header's buttons (sign-out) act once the page is
  // hydrated, which the live socket's status shows. A click before that is lost (seen once in CI).
  await waitUntilLive(page);
}

async function keptDrafts(page: Page): Promise<string[]> {
  return (await page.evaluate("Object.keys(sessionStorage).filter((key) => key.startsWith('teleradio.draft.'))")) as string[];
}

/** The whole new request form, as a referrer types it (valid: submitting reaches the server). */
async function fillForm(page: Page, familyName: string): Promise<void> {
  await page.goto("/requests/new");
  await page.locator("#priority").selectOption("URGENT");
  await page.locator("#patient\\.familyName").fill(familyName);
  await page.locator("#patient\\.givenName").fill("Jeanne");
  await page.locator("#patient\\.birthDate").fill("1948-07-14");
  await page.locator("#patient\\.sex").selectOption("FEMALE");
  await page.locator("#patient\\.sitePatientId").fill(`IPP-${familyName}`);
  await page.locator("#modality").selectOption("CT");
  await page.locator("#bodyRegion").fill("Hanche");
  await page.locator("#clinicalContext").fill("Chute de sa hauteur, douleur de hanche droite, impotence fonctionnelle. ".repeat(4));
  await page.locator("#clinicalQuestion").fill("Fracture du col ?");
  await page.locator("#contrast\\.renalFunction").selectOption("NORMAL");
  await page.locator("#contrast\\.contrastAllergy").selectOption("NO");
  await page.locator("#contrast\\.pregnancy").selectOption("NOT_APPLICABLE");
  await page.locator("#contrast\\.metformin").selectOption("NO");
}

test("two minutes before the idle limit a warning offers to stay signed in, and staying renews the session", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.referrerSal);
  await fillForm(page, "Avertie");
  await ageSession(page, IDLE_SECONDS - 100);
  await backToFront(page);
  const warning = page.getByTestId("session-warning");
  await expect(warning).toContainText("Votre session expire dans 2 min");
  await expect(warning).toHaveAttribute("data-cause", "idle");
  await shootWhenAsked(page, "session-warning");

  await warning.getByRole("button", { name: "Rester connecté" }).click();
  await expect(warning).toHaveCount(0);
  const expiry = (await (await page.request.get("/api/session/expiry")).json()) as { endsAt: string; serverNow: string };
  expect(Date.parse(expiry.endsAt) - Date.parse(expiry.serverNow)).toBeGreaterThan((IDLE_SECONDS - 60) * 1000);
  // What was typed is still there, and nothing was kept in the browser (the session never ended).
  await expect(page.locator("#patient\\.familyName")).toHaveValue("Avertie");
  expect(await keptDrafts(page)).toEqual([]);
});

test("a request form sent after the session ended comes back filled after signing in, and is then sent", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.referrerSal);
  const familyName = `Gardee${Date.now().toString(36)}`;
  await fillForm(page, familyName);
  await ageSession(page, IDLE_SECONDS + 60);
  await page.getByRole("button", { name: "Envoyer la demande" }).click();

  await page.waitForURL(/\/signin\?callbackUrl=%2Frequests%2Fnew$/);
  await signInHere(page, accounts.referrerSal);
  await expect(page).toHaveURL(/\/requests\/new$/);
  await expect(page.getByTestId("form-restored")).toBeVisible();
  await expect(page.locator("#patient\\.familyName")).toHaveValue(familyName);
  await expect(page.locator("#priority")).toHaveValue("URGENT");
  await expect(page.locator("#clinicalContext")).toHaveValue(/^Chute de sa hauteur/);
  // Given back once: it is no longer kept.
  expect(await keptDrafts(page)).toEqual([]);

  await expect(page.locator("#contrast\\.metformin")).toHaveValue("NO");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("patient-name")).toContainText(familyName.toUpperCase());
});

test("once over, the banner says so; a kept form is never shown to another user, and sign-out removes it", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.referrerSal);
  await fillForm(page, "Confidentielle");
  await ageSession(page, IDLE_SECONDS + 60);
  await backToFront(page);
  const over = page.getByTestId("session-expired");
  await expect(over).toContainText("Votre session a expiré");
  await over.getByRole("button", { name: "Se reconnecter" }).click();
  await page.waitForURL(/\/signin\?callbackUrl=%2Frequests%2Fnew$/);
  expect(await keptDrafts(page)).toHaveLength(1);

  // Another person signs in on this browser tab: the draft is not theirs, it is removed.
  await signInHere(page, accounts.referrerVrn);
  await expect(page).toHaveURL(/\/requests\/new$/);
  await expect(page.locator("#patient\\.familyName")).toHaveValue("");
  await expect(page.getByTestId("form-restored")).toHaveCount(0);
  expect(await keptDrafts(page)).toEqual([]);

  // The first user's session ends again with a form on screen; they sign in elsewhere, then out.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL(/\/signin/);
  await signInHere(page, accounts.referrerSal);
  await fillForm(page, "Confidentielle");
  await ageSession(page, IDLE_SECONDS + 60);
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await page.waitForURL(/\/signin\?callbackUrl=/);
  await page.goto("/signin");
  await signInHere(page, accounts.referrerSal);
  expect(await keptDrafts(page)).toHaveLength(1);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL(/\/signin/);
  expect(await keptDrafts(page)).toEqual([]);
});
