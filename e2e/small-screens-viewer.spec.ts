import { expect, test, type Locator, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage } from "./pages";
import { requestReadyToRead } from "./reading-ready";

// A radiologist on call with a tablet (768 px) and a referring physician with a phone (390 px):
// no page scrolls sideways, and the main actions are on screen and big enough for a finger.
// Named *viewer.spec.ts: the viewer renders with WebGL, so the spec runs in the viewer project.

const TABLET = { width: 768, height: 1024 };
const PHONE = { width: 390, height: 844 };
/** WCAG 2.5.5's target size, and Apple's and Google's guidance for touch. */
const FINGER = 44;

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  // Wide content may scroll inside its own region; the page itself never does.
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect.soft(widths.scroll, `${label}: page ${widths.scroll} px wide in a ${widths.client} px window`).toBeLessThanOrEqual(widths.client);
}

/** On screen once scrolled to, inside the window's width, and at least a finger's size. */
async function expectFingerTarget(page: Page, target: Locator, label: string): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await expect(target, label).toBeVisible();
  const box = (await target.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect.soft(box.x, `${label}: left edge`).toBeGreaterThanOrEqual(0);
  expect.soft(box.x + box.width, `${label}: right edge`).toBeLessThanOrEqual(viewport.width);
  expect.soft(box.height, `${label}: height`).toBeGreaterThanOrEqual(FINGER);
  expect.soft(box.width, `${label}: width`).toBeGreaterThanOrEqual(FINGER);
}

test("at 768 px the worklist, the request page with its report and the viewer fit the tablet, their main actions within reach", async ({ browser }) => {
  test.setTimeout(180_000);
  const radiologist = await signedInPage(browser, accounts.radiologistSalVrn, { viewport: TABLET });
  const { requestId, familyName } = await requestReadyToRead(browser, "Tab", { radiologist: { page: radiologist, name: accounts.radiologistSalVrn.name } });

  await radiologist.goto("/worklist");
  const row = radiologist.getByTestId("worklist").locator("tr", { hasText: familyName.toUpperCase() });
  await expect(row).toBeVisible();
  await expectNoSidewaysScroll(radiologist, "worklist");
  // Brought into view by its first cell, the row shows its actions too, without scrolling the
  // table sideways: they stay at the table's right edge.
  await row.locator("td").first().scrollIntoViewIfNeeded();
  await expect(row.getByRole("button", { name: "Libérer" })).toBeInViewport({ ratio: 1 });
  await expectFingerTarget(radiologist, row.getByRole("link", { name: "Ouvrir" }), "worklist: open");

  await radiologist.goto(`/requests/${requestId}`);
  await expectFingerTarget(radiologist, radiologist.getByRole("button", { name: "Commencer la lecture" }), "request: start reading");
  await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
  await expect(radiologist.getByTestId("report-editor")).toBeVisible();
  await expectNoSidewaysScroll(radiologist, "request page with the report");
  await expectFingerTarget(radiologist, radiologist.getByTestId("open-viewer"), "request: open the images");
  await expectFingerTarget(radiologist, radiologist.getByTestId("sign-form").getByRole("button", { name: "Signer le compte rendu" }), "report: sign");

  await radiologist.getByTestId("open-viewer").click();
  await radiologist.waitForURL(`**/requests/${requestId}/viewer`);
  const stack = radiologist.locator('[data-viewport="stack-0"]');
  await expect(stack).toHaveAttribute("data-renders", /^[1-9]\d*$/, { timeout: 30_000 });
  await expectNoSidewaysScroll(radiologist, "viewer");
  // The image is on screen as the viewer opens (not under the toolbar and the series), takes a
  // real share of the tablet, and every tool of the toolbar can be reached.
  await expect(stack).toBeInViewport({ ratio: 0.6 });
  const image = (await stack.boundingBox())!;
  expect(image.width).toBeGreaterThanOrEqual(300);
  await expectFingerTarget(radiologist, radiologist.getByTestId("tool-length"), "viewer: length tool");
  await radiologist.getByTestId("tool-length").click();
  await expect(radiologist.getByTestId("tool-length")).toHaveAttribute("aria-pressed", "true");
});

test("at 390 px the referrer's portal and the notifications fit the phone, their main actions within reach", async ({ browser }) => {
  test.setTimeout(180_000);
  const referrer = await signedInPage(browser, accounts.referrerSal, { viewport: PHONE });
  const { familyName, radiologist } = await requestReadyToRead(browser, "Tel", { referrer: { page: referrer } });
  await radiologist.context().close();

  await referrer.goto("/my-requests");
  const row = referrer.getByTestId("my-request-row").filter({ hasText: familyName.toUpperCase() });
  await expect(row).toBeVisible();
  await expectNoSidewaysScroll(referrer, "my requests");
  await expectFingerTarget(referrer, row.getByRole("link").first(), "my requests: open the request");
  await expectFingerTarget(referrer, referrer.getByTestId("my-requests-filter-ALL"), "my requests: filter");
  await expectFingerTarget(referrer, referrer.getByTestId("current-user"), "header: account");

  await referrer.goto("/notifications");
  await expect(referrer.getByTestId("notification-centre")).toBeVisible();
  await expectNoSidewaysScroll(referrer, "notifications");
  await expectFingerTarget(referrer, referrer.getByTestId("mark-all-read"), "notifications: mark all read");
  await expectFingerTarget(referrer, referrer.getByTestId("notification-bell"), "header: bell");

  await referrer.goto("/requests/new");
  await expectNoSidewaysScroll(referrer, "new request");
  await expectFingerTarget(referrer, referrer.getByRole("button", { name: "Envoyer la demande" }), "new request: send");
});
