import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage, submitTeleDiagnostic, waitUntilLive } from "./pages";
import { expect, test } from "./test";

// A session ended while a form was open (here: signed out in another tab of the same browser,
// which revokes the session on the server): whatever call finds out, the user is told the
// session ended (never the generic error), nothing says "En direct" any more, and signing in
// again comes back to the same page with what was typed.

test("a thread message sent after the session ended elsewhere: told so, no longer live, and the typed text is back after signing in", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.referrerSal);
  const familyName = `Fin${Date.now().toString(36)}`;
  const requestId = await submitTeleDiagnostic(page, { familyName, priority: "URGENT" });
  await waitUntilLive(page);
  const typed = "Patient transféré en réanimation, merci de m'appeler avant de lire.";
  await page.getByTestId("thread-input").fill(typed);

  // Another tab of the same browser signs out: the session row is revoked on the server.
  const other = await page.context().newPage();
  await other.goto("/worklist");
  await other.getByRole("button", { name: "Se déconnecter" }).click();
  await other.waitForURL(/\/signin/);
  await other.close();

  await page.getByTestId("thread-send").click();
  const composerError = page.getByTestId("thread").getByRole("alert");
  await expect(composerError).toContainText("Votre session a expiré");
  await expect(composerError).not.toContainText("Une erreur est survenue");
  const notice = page.getByTestId("session-expired");
  await expect(notice).toContainText("Votre session a expiré");
  const live = page.getByTestId("live-status");
  await expect(live).toHaveAttribute("data-status", "ended");
  await expect(live).toHaveText("Session terminée");
  await expect(page.getByText("En direct", { exact: true })).toHaveCount(0);
  // The text is still on screen until the user chooses to sign in again.
  await expect(page.getByTestId("thread-input")).toHaveValue(typed);
  await shootWhenAsked(page, "session-ended-thread");

  await notice.getByRole("button", { name: "Se reconnecter" }).click();
  await page.waitForURL(new RegExp(`/signin\\?callbackUrl=%2Frequests%2F${requestId}$`));
  await page.getByLabel("Adresse e-mail").fill(accounts.referrerSal.email);
  await page.getByLabel("Mot de passe").fill(accounts.referrerSal.password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByTestId("current-user")).toContainText(accounts.referrerSal.name, { timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`/requests/${requestId}$`));
  await expect(page.getByTestId("thread-input")).toHaveValue(typed);
  await expect(page.getByTestId("thread-restored")).toBeVisible();
  await waitUntilLive(page);
  await expect(page.getByTestId("live-status")).toHaveText("En direct");

  await page.getByTestId("thread-send").click();
  await expect(page.getByTestId("thread-message").filter({ hasText: typed })).toHaveCount(1);
  await expect(page.getByTestId("thread-input")).toHaveValue("");
});

test("a request act refused because the session ended says so instead of the generic error", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.referrerSal);
  const requestId = await submitTeleDiagnostic(page, { familyName: `Acte${Date.now().toString(36)}`, priority: "ROUTINE" });
  await waitUntilLive(page);
  const other = await page.context().newPage();
  await other.goto(`/requests/${requestId}`);
  await other.getByRole("button", { name: "Se déconnecter" }).click();
  await other.waitForURL(/\/signin/);
  await other.close();

  // The act that needs no typing: recording the patient's information.
  await page.getByTestId("record-patient-informed").click();
  await expect(page.getByTestId("workflow-panel")).toContainText("Votre session a expiré");
  await expect(page.getByTestId("workflow-panel")).not.toContainText("Une erreur est survenue");
  await expect(page.getByTestId("session-expired")).toBeVisible();
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "ended");
});
