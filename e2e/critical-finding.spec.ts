import { expect, test, type Locator, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage, waitUntilLive } from "./pages";
import { requestReadyToRead } from "./reading-ready";

// The critical findings loop across four people, each in their own browser: the radiologist
// flags a vital finding; the requester sees the red banner live; nobody acknowledges; the
// clock moves past the site's delay (15 min) and the department head is alerted; then the
// requester acknowledges and the radiologist sees the loop closed. No sleeps: every step waits
// for what the user would see.

/** The banner is the first thing on the page: wholly within the first screen, without scrolling. */
async function expectWithinFirstScreen(page: Page, banner: Locator, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(banner).toBeInViewport({ ratio: 1 });
  const box = await banner.boundingBox();
  expect(box, "the banner has a box").not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
  // Nor does the page scroll sideways (on a phone a wide line hid the end of every fact).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
}

async function openRequest(page: Page, requestId: string): Promise<void> {
  await page.goto(`/requests/${requestId}`);
  await waitUntilLive(page);
}

test("a vital critical finding left unacknowledged escalates to the department head at a controllable clock; the requester's acknowledgement then closes the loop live", async ({ browser, request }) => {
  // Four people's browsers, plus the requester's portal and the radiologist's worklist kept
  // open to see the marks go live: on two loaded cores this takes more than the slow default.
  test.setTimeout(300_000);
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
  // At the top of the page, not below the report: seen at once on a desktop screen and on a phone.
  await expectWithinFirstScreen(referrer, banner, { width: 1440, height: 900 });
  await expectWithinFirstScreen(referrer, banner, { width: 390, height: 844 });
  await referrer.setViewportSize({ width: 1280, height: 720 });

  // The requester's portal row and the radiologist's worklist row carry the mark, in words.
  const portal = await referrer.context().newPage();
  await portal.goto("/my-requests");
  await waitUntilLive(portal);
  const portalMark = portal.locator(`[data-testid="my-request-row"][data-request-id="${requestId}"]`).getByTestId("row-mark-critical");
  await expect(portalMark).toContainText("Résultat critique à confirmer (1)");
  const worklist = await radiologist.context().newPage();
  await worklist.goto("/worklist");
  await waitUntilLive(worklist);
  const worklistRow = worklist.locator(`[data-testid="worklist"] tr[data-request-id="${requestId}"]`);
  await expect(worklistRow.getByTestId("row-mark-critical")).toContainText("Résultat critique à confirmer (1)");
  await shootWhenAsked(referrer, "critical-request-page");
  await shootWhenAsked(portal, "critical-portal");
  await shootWhenAsked(worklist, "critical-worklist");

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
  // The marks go too, live, while the request stays listed.
  await expect(portalMark).toHaveCount(0);
  await expect(worklistRow.getByTestId("row-mark-critical")).toHaveCount(0);
  await expect(worklistRow).toBeVisible();
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
