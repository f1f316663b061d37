import { expect, test, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage, waitUntilLive } from "./pages";
import { requestReadyToRead } from "./reading-ready";

// The critical findings loop across four people, each in their own browser: the radiologist
// flags a vital finding; the requester sees the red banner live; nobody acknowledges; the
// clock moves past the site's delay (15 min) and the department head is alerted; then the
// requester acknowledges and the radiologist sees the loop closed. No sleeps: every step waits
// for what the user would see.

async function openRequest(page: Page, requestId: string): Promise<void> {
  await page.goto(`/requests/${requestId}`);
  await waitUntilLive(page);
}

test("a vital critical finding left unacknowledged escalates to the department head at a controllable clock; the requester's acknowledgement then closes the loop live", async ({ browser, request }) => {
  test.slow();
  const { requestId, referrer, radiologist } = await requestReadyToRead(browser, "Crit");
  await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
  await expect(referrer.getByTestId("status")).toHaveText("En lecture");
  const head = await signedInPage(browser, accounts.head);

  // The radiologist flags a vital finding: its category is explained, with the site's delay.
  const flagForm = radiologist.getByTestId("critical-flag-form");
  await flagForm.getByLabel("Délai de communication").selectOption({ label: "Minutes (urgence vitale)" });
  await expect(flagForm).toContainText("Sans prise en compte sous 15 min");
  await flagForm.getByLabel("Résultat à communiquer").fill("Hémorragie sous-arachnoïdienne diffuse avec effet de masse.");
  await flagForm.getByRole("button", { name: "Signaler le résultat critique" }).click();
  const radiologistFinding = radiologist.getByTestId("critical-finding");
  await expect(radiologistFinding).toHaveAttribute("data-state", "open");
  await expect(radiologistFinding.getByTestId("critical-communication")).toContainText(accounts.referrerSal.name);

  // The requester sees it live: a red banner, and a notification.
  const banner = referrer.getByTestId("critical-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("Hémorragie sous-arachnoïdienne diffuse");
  await expect(banner).toContainText(`Signalé par ${accounts.radiologistSalVrn.name}`);
  await expect(referrer.getByTestId("notification-unread-count")).not.toHaveText("");

  // The radiologist calls; nobody reads it back. The call is in the trace; the finding stays open.
  await radiologistFinding.getByRole("button", { name: "Consigner une communication" }).click();
  const call = radiologistFinding.getByTestId("critical-communication-form");
  await call.getByLabel("Téléphone").check();
  await call.getByRole("button", { name: "Enregistrer la communication" }).click();
  await expect(radiologistFinding.getByTestId("critical-communication-notice")).toHaveText("Communication enregistrée.");
  await expect(radiologistFinding.getByTestId("critical-communication")).toHaveCount(2);
  await expect(radiologistFinding.locator('[data-testid="critical-communication"][data-channel="PHONE"]')).toContainText("sans confirmation");
  await expect(radiologistFinding).toHaveAttribute("data-state", "open");

  // The head watches the notification centre and the request.
  await head.goto("/notifications");
  await waitUntilLive(head);
  const escalatedNotice = head.locator(`[data-testid="notification-item"][data-kind="CRITICAL_FINDING_ESCALATED"][data-request-id="${requestId}"]`);
  await expect(escalatedNotice).toHaveCount(0);

  // Sixteen minutes later (the test clock runs the due jobs), nobody has acknowledged.
  const run = await request.post("/__test/run-jobs", { data: { kind: "critical.escalation", advanceMinutes: 16 } });
  expect(run.ok(), await run.text()).toBe(true);
  expect(((await run.json()) as { done: number }).done).toBeGreaterThanOrEqual(1);

  await expect(escalatedNotice).toHaveCount(1);
  await expect(escalatedNotice).toContainText("Résultat critique non pris en compte : escaladé");
  await expect(radiologistFinding).toHaveAttribute("data-state", "escalated");
  await expect(referrer.getByTestId("critical-finding")).toHaveAttribute("data-state", "escalated");
  await openRequest(head, requestId);
  const headFinding = head.getByTestId("critical-finding");
  await expect(headFinding).toHaveAttribute("data-state", "escalated");
  await expect(headFinding.getByTestId("critical-escalated")).toBeVisible();
  // The head reads the loop; acknowledging is the site's physicians' act.
  await expect(head.getByTestId("critical-acknowledge")).toHaveCount(0);

  // The requester acknowledges: the banner goes, the radiologist sees the loop closed, live.
  await referrer.getByRole("button", { name: "J'ai pris connaissance" }).click();
  await expect(referrer.getByTestId("critical-acknowledge-message")).toHaveText("Prise en compte enregistrée : le radiologue est prévenu.");
  await expect(referrer.getByTestId("critical-banner")).toHaveCount(0);
  await expect(radiologistFinding).toHaveAttribute("data-state", "acknowledged");
  await expect(radiologistFinding.getByTestId("critical-acknowledged")).toContainText(`Pris en compte par ${accounts.referrerSal.name}`);
  await expect(radiologistFinding.getByTestId("critical-escalated")).toBeVisible();
  await expect(headFinding).toHaveAttribute("data-state", "acknowledged");

  // The whole loop is in the request's trace.
  const timeline = radiologist.getByTestId("timeline");
  for (const step of ["Résultat critique signalé", "Résultat critique communiqué", "Résultat critique escaladé", "Résultat critique pris en compte"]) {
    await expect(timeline).toContainText(step);
  }
});
