import { expect, test, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic, waitUntilLive, worklistRow } from "./pages";

function threadMessage(page: Page, text: string) {
  return page.getByTestId("thread-message").filter({ hasText: text });
}

test("two colleagues see each other on a request, talk in its thread live, and the referrer's bell shows the message", async ({ browser }) => {
  test.slow();
  const familyName = `Fil${Date.now().toString(36)}`;
  const radiologistName = accounts.radiologistAllSites.name;
  const referrerName = accounts.referrerSal.name;

  // The referrer submits a request and stays on its page.
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });
  await waitUntilLive(referrer);
  await expect(referrer.getByTestId("thread")).toBeVisible();

  // The radiologist opens the same request: each sees the other looking at it.
  const radiologist = await signedInPage(browser, accounts.radiologistAllSites);
  await radiologist.goto(`/requests/${requestId}`);
  await waitUntilLive(radiologist);
  await expect(referrer.getByTestId("presence")).toContainText(radiologistName);
  await expect(radiologist.getByTestId("presence")).toContainText(referrerName);

  // A quick action by the radiologist appears live in the referrer's thread, with its author.
  await radiologist.getByTestId("quick-action-NEED_CREATININE").click();
  const creatinine = threadMessage(referrer, "Besoin de la créatinine");
  await expect(creatinine).toHaveCount(1);
  await expect(creatinine).toContainText(radiologistName);
  await expect(creatinine.locator("time")).toHaveCount(1);

  // The referrer answers in free text; the radiologist sees it without reloading.
  const answer = `Créatinine 82 µmol/L (${familyName})`;
  await referrer.getByTestId("thread-input").fill(answer);
  await referrer.getByTestId("thread-send").click();
  await expect(referrer.getByTestId("thread-input")).toHaveValue("");
  await expect(threadMessage(radiologist, answer)).toContainText(referrerName);
  await expect(threadMessage(radiologist, "Besoin de la créatinine")).toHaveCount(1);

  // The referrer's bell: an unread THREAD_MESSAGE notification about this request, then read.
  await expect(referrer.getByTestId("notification-unread-count")).toBeVisible();
  await referrer.getByTestId("notification-bell").click();
  const notification = referrer.locator(`[data-testid="notification-item"][data-kind="THREAD_MESSAGE"][data-request-id="${requestId}"]`);
  await expect(notification).toHaveCount(1);
  await expect(notification).toHaveAttribute("data-read", "false");
  await expect(notification).toContainText("Nouveau message");
  await expect(notification).toContainText(radiologistName);
  // Only this notification: the demo referrer is shared with specs running in parallel, whose
  // own unread notifications must stay unread.
  await notification.getByRole("button", { name: "Marquer comme lu" }).click();
  await expect(notification).toHaveAttribute("data-read", "true");

  // In the worklist, the referrer sees that the radiologist has the request open...
  await referrer.goto("/worklist");
  await waitUntilLive(referrer);
  const row = worklistRow(referrer, familyName);
  await expect(row.getByTestId("presence")).toContainText(radiologistName);

  // ...until the radiologist's page closes.
  await radiologist.close();
  await expect(row).toBeVisible();
  await expect(row.getByTestId("presence")).toHaveCount(0);

  await radiologist.context().close();
  await referrer.context().close();
});
