import { expect, test, type Page } from "./test";
import { expectNoSeriousViolations } from "./axe";
import { vitalBadgeContrastOverAnimation } from "./contrast";
import { accounts, type DemoAccount } from "./demo-accounts";
import { shootWhenAsked, signedInPage, submitTeleDiagnostic, worklistRow } from "./pages";
import { requestReadyToRead } from "./reading-ready";

// axe-core on every page of the product, each as the role that works in it, on the production
// build: not one serious or critical WCAG 2.1 AA violation. Named *viewer.spec.ts: the viewer
// renders with WebGL, so the spec runs in the viewer project.

/** Opens a page and waits until it is hydrated and its first queries have answered. */
async function settle(page: Page, path: string): Promise<void> {
  const answer = await page.goto(path);
  expect(answer?.status(), path).toBeLessThan(400);
  await expect(page.locator("main")).toBeVisible();
  // A live page may never fall quiet (it refetches on every hint): its first answers are enough.
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
}

async function tour(page: Page, who: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    await settle(page, path);
    await expectNoSeriousViolations(page, `${path} (${who})`);
    await shootWhenAsked(page, `${who}${path}`.replace(/[^a-z0-9]+/gi, "-"));
  }
}

// The tours are independent: they run side by side, one per worker.
test.describe.configure({ mode: "parallel" });

test("the pages of a request's care, signed out, as its radiologist and as its referrer, have no serious or critical axe violation", async ({ browser }) => {
  test.setTimeout(240_000);
  const anonymous = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await tour(anonymous, "signed out", ["/signin", "/account/link"]);

  // A request taken to reading: the radiologist's request page carries the report editor.
  const { requestId, referrer, radiologist } = await requestReadyToRead(browser, "Axe");
  await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
  await expect(radiologist.getByTestId("report-editor")).toBeVisible();
  await tour(radiologist, "radiologist", ["/worklist", `/requests/${requestId}`, "/search?q=Axe", "/rota", "/notifications", "/account", "/account/security"]);

  await settle(radiologist, `/requests/${requestId}/viewer`);
  await expect(radiologist.locator('[data-viewport="stack-0"]')).toHaveAttribute("data-renders", /^[1-9]\d*$/, { timeout: 30_000 });
  // The canvas is WebGL output, with no DOM for axe to read; everything around it is audited.
  await expectNoSeriousViolations(radiologist, "viewer (radiologist)", { exclude: ["canvas"] });

  await tour(referrer, "referrer", [`/requests/${requestId}`, "/worklist", "/my-requests", "/requests/new", "/notifications", "/signin/step-up"]);
});

test("the radiographer's, the department head's and the administrator's pages have no serious or critical axe violation", async ({ browser }) => {
  test.setTimeout(180_000);
  const tours: [DemoAccount, string, string[]][] = [
    [accounts.radiographerSal, "radiographer", ["/worklist"]],
    [accounts.head, "department head", ["/dashboard", "/operations", "/admin", "/admin/templates"]],
    [accounts.admin, "administrator", ["/admin", "/admin/templates"]],
  ];
  for (const [account, who, paths] of tours) {
    const page = await signedInPage(browser, account);
    await tour(page, who, paths);
    await page.context().close();
  }
});

test("the vital badge keeps 4.5:1 contrast at every frame of its pulse, and stays still when motion is reduced", async ({ browser }) => {
  const familyName = `Pulse${Date.now().toString(36)}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  await submitTeleDiagnostic(referrer, { familyName, priority: "VITAL" });
  await referrer.context().close();

  const radiologist = await signedInPage(browser, accounts.radiologistSalVrn);
  await radiologist.goto("/worklist");
  const badge = worklistRow(radiologist, familyName).locator(".badge.priority-VITAL");
  await expect(badge).toHaveText("Urgence vitale");
  const frames = await vitalBadgeContrastOverAnimation(badge);
  // The badge does pulse (it is the vital emergency's signal), and every frame stays readable.
  expect(frames.animated).toBe(true);
  expect(frames.lowest, JSON.stringify(frames.samples)).toBeGreaterThanOrEqual(4.5);

  const still = await signedInPage(browser, accounts.radiologistSalVrn, { reducedMotion: "reduce" });
  await still.goto("/worklist");
  const stillBadge = worklistRow(still, familyName).locator(".badge.priority-VITAL");
  await expect(stillBadge).toHaveText("Urgence vitale");
  expect((await vitalBadgeContrastOverAnimation(stillBadge)).animated).toBe(false);
});

test("the notification bell's accessible name says how many are unread", async ({ browser }) => {
  // A vital request notifies every radiologist reading its site: this one has at least one unread.
  const familyName = `Bell${Date.now().toString(36)}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  await submitTeleDiagnostic(referrer, { familyName, priority: "VITAL" });
  await referrer.context().close();

  const radiologist = await signedInPage(browser, accounts.radiologistSalVrn);
  await radiologist.goto("/worklist");
  const bell = radiologist.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ non lues?$/);
  // Read together: a notification arriving live changes both the badge and the name.
  await expect(async () => {
    const unread = Number(await radiologist.getByTestId("notification-unread-count").textContent());
    expect(unread).toBeGreaterThan(0);
    await expect(bell).toHaveAccessibleName(unread === 1 ? "Notifications, 1 non lue" : `Notifications, ${unread} non lues`, { timeout: 500 });
  }).toPass();
});
