import { expect, test, type Page } from "./test";
import { accounts, type DemoAccount } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic, waitUntilLive } from "./pages";

// Automatic assignment on a site where the administrator turned it on: the radiologist on call
// receives the request with the reason shown, acknowledges it, and a colleague takes it over
// with a reason, which the first one is told about live.

async function turnOnAutoAssignment(admin: Page, siteCode: string): Promise<void> {
  await admin.goto("/admin");
  const row = admin.locator(`[data-testid="site-settings-row"][data-site="${siteCode}"]`);
  const checkbox = row.getByLabel("Attribution automatique");
  if (await checkbox.isChecked()) return;
  await checkbox.check();
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(admin.getByTestId("site-settings-message")).toHaveText("Réglages enregistrés.");
}

async function openRequest(page: Page, requestId: string): Promise<void> {
  await page.goto(`/requests/${requestId}`);
  await waitUntilLive(page);
}

test("a new request goes to the radiologist on call with the reason shown; a colleague takes it over with a reason and the first is told", async ({ browser }) => {
  test.slow();
  const admin = await signedInPage(browser, accounts.admin);
  await turnOnAutoAssignment(admin, "BLR");
  await admin.context().close();

  const referrer = await signedInPage(browser, accounts.referrerBlr);
  const requestId = await submitTeleDiagnostic(referrer, { familyName: `Auto${Date.now().toString(36)}`, priority: "URGENT" });
  await waitUntilLive(referrer);

  // The job runs at once: the referrer sees who was chosen, and why.
  const holder = referrer.getByTestId("assignment-holder");
  await expect(holder).toContainText("Attribuée automatiquement");
  await expect(referrer.getByTestId("assignment-explanation")).toBeVisible();
  const readers: DemoAccount[] = [accounts.radiologistAllSites, accounts.radiologistMtcBlr];
  const holderText = (await holder.textContent()) ?? "";
  const chosen = readers.find((reader) => holderText.includes(reader.name));
  const colleague = readers.find((reader) => reader !== chosen);
  expect(chosen).toBeDefined();

  // The chosen radiologist acknowledges the assignment.
  const first = await signedInPage(browser, chosen!);
  await openRequest(first, requestId);
  await expect(first.getByTestId("assignment-candidates")).toBeVisible();
  await first.getByTestId("acknowledge-assignment").click();
  await expect(first.getByTestId("assignment-acknowledged")).toHaveAttribute("data-acknowledged", "true");

  // A colleague takes it over: the reason is mandatory.
  const second = await signedInPage(browser, colleague!);
  await openRequest(second, requestId);
  await second.locator("summary", { hasText: "Reprendre la demande" }).click();
  await second.getByTestId("take-over-submit").click();
  await expect(second.getByTestId("assignment-panel").locator(".field-error")).toHaveText("Ce champ est obligatoire.");
  await second.getByTestId("take-over-reason").fill("Je suis sur place, je prends la suite");
  await second.getByTestId("take-over-submit").click();
  await expect(second.getByTestId("assignment-holder")).toContainText(colleague!.name);

  // The first radiologist sees it live, and is notified.
  await expect(first.getByTestId("assignment-holder")).toContainText(colleague!.name);
  await expect(first.getByTestId("timeline")).toContainText("Je suis sur place, je prends la suite");
  await first.getByTestId("notification-bell").click();
  const notice = first.locator(`[data-testid="notification-item"][data-kind="TAKEN_OVER_FROM_ME"][data-request-id="${requestId}"]`);
  await expect(notice).toHaveAttribute("data-read", "false");
});
