import { accounts } from "./demo-accounts";
import { freshUserLike } from "./fresh-user";
import { shootWhenAsked } from "./pages";
import { enrolTotp, expectSignedIn, openSecurityPage, signInPage, signOut, totpCode, typePassword } from "./second-factor-pages";
import { expect, test } from "./test";

// Second factors as a user meets them, each test with a radiologist of its own (a copy of a demo
// one), so that the demo accounts other specs sign in with keep signing in with a password.

const PORT = Number(process.env.E2E_PORT ?? 3100);

test("TOTP: enrolled from the security page, then asked at every sign-in; a wrong code is refused, a recovery code works once", async ({ browser }) => {
  test.setTimeout(120_000);
  const user = await freshUserLike(accounts.radiologistSalVrn.email, "Totp");
  const page = await signInPage(browser);
  await typePassword(page, user);
  await expectSignedIn(page, user);
  const { secret, recoveryCodes } = await enrolTotp(page, () => shootWhenAsked(page, "security-enrolment"));
  await signOut(page);

  // The right password alone opens nothing: the second step is asked.
  await typePassword(page, user);
  const step = page.getByTestId("second-factor-step");
  await expect(step.getByLabel("Code de l'application (6 chiffres)")).toBeVisible();
  await shootWhenAsked(page, "signin-second-step");
  const wrong = (Number(await totpCode(secret, 30)) + 500_000) % 1_000_000;
  await step.getByLabel("Code de l'application (6 chiffres)").fill(String(wrong).padStart(6, "0"));
  await step.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Code refusé.");
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  await step.getByLabel("Code de l'application (6 chiffres)").fill(await totpCode(secret, 30));
  await step.getByRole("button", { name: "Valider" }).click();
  await expectSignedIn(page, user);
  await signOut(page);

  // A recovery code, typed without dashes and in lower case, once.
  await typePassword(page, user);
  await step.getByRole("button", { name: "Utiliser un code de secours" }).click();
  await step.getByLabel("Code de secours").fill(recoveryCodes[0]!.replaceAll("-", "").toLowerCase());
  await step.getByRole("button", { name: "Valider" }).click();
  await expectSignedIn(page, user);
  await openSecurityPage(page);
  await expect(page.getByTestId("recovery-section")).toContainText("Codes de secours restants : 9 sur 10.");
  await signOut(page);
  await typePassword(page, user);
  await step.getByRole("button", { name: "Utiliser un code de secours" }).click();
  await step.getByLabel("Code de secours").fill(recoveryCodes[0]!);
  await step.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Code refusé.");
});

test.describe("passkeys", () => {
  // WebAuthn refuses an IP address as relying party: this test reaches the server as localhost.
  const baseURL = `http://localhost:${PORT}`;

  test("a passkey registered with a virtual authenticator signs in as the second factor", async ({ browser }) => {
    test.setTimeout(120_000);
    const user = await freshUserLike(accounts.radiologistAllSites.email, "Passkey");
    const page = await signInPage(browser, { baseURL });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await typePassword(page, user);
    await expectSignedIn(page, user);
    await openSecurityPage(page);
    const section = page.getByTestId("passkeys-section");
    await section.getByLabel("Nom de la clé").fill("Poste de lecture");
    await section.getByRole("button", { name: "Ajouter une clé d'accès" }).click();
    await expect(page.getByTestId("recovery-codes").locator("code")).toHaveCount(10);
    await page.getByRole("button", { name: "J'ai noté ces codes" }).click();
    await expect(section.getByTestId("passkey")).toContainText("Poste de lecture");
    await signOut(page);
    // next-auth sends the signed-out browser to NEXTAUTH_URL (the server's address): back to the name.
    await page.goto("/signin");

    await typePassword(page, user);
    const step = page.getByTestId("second-factor-step");
    // Without a TOTP app, the step opens on the recovery code, with the passkey offered.
    await step.getByRole("button", { name: "Utiliser une clé d'accès" }).click();
    await expectSignedIn(page, user);
    await openSecurityPage(page);
    await expect(page.getByTestId("passkey")).toContainText("dernière utilisation le");
  });
});
