import { expect, test, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage } from "./pages";
import { requestReadyToRead } from "./reading-ready";

// The server renders in its own time zone (UTC here); a browser on the other side of the date
// line (UTC+14) hydrates the same pages. Anything that formats a time, reads the clock or the
// browser during render differs, and React throws hydration error #418. The department head's
// browser also runs seven minutes ahead of the server (as a badly set tablet does), so a clock
// read during render differs on every load, not only when a second ticks by. Named
// *viewer.spec.ts: the viewer renders with WebGL, so the spec runs in the viewer project.

const FAR_ZONE = { timezoneId: "Pacific/Kiritimati" } as const;
const HYDRATION = /hydrat|#418|#423|#425|did not match|didn't match/i;

/** Every console error and uncaught page error that speaks of hydration, from now on. */
function watchHydration(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && HYDRATION.test(message.text())) seen.push(`${page.url()} console: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (HYDRATION.test(`${error.message} ${error.stack ?? ""}`)) seen.push(`${page.url()} pageerror: ${error.message}`);
  });
  return seen;
}

/** Loads a page afresh (a server render, then hydration) and waits until its queries answered. */
async function load(page: Page, path: string): Promise<void> {
  const answer = await page.goto(path);
  expect(answer?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
}

test("the dashboard, the worklist, the request page and the viewer hydrate without a mismatch in a browser at UTC+14", async ({ browser }) => {
  test.setTimeout(180_000);
  // A request waiting on the worklists, so that they show a waiting time counting live.
  const radiologist = await signedInPage(browser, accounts.radiologistSalVrn, FAR_ZONE);
  const { requestId } = await requestReadyToRead(browser, "Hyd", { radiologist: { page: radiologist, name: accounts.radiologistSalVrn.name } });

  const head = await signedInPage(browser, accounts.head, FAR_ZONE);
  await head.context().clock.setSystemTime(Date.now() + 7 * 60_000);
  expect(await head.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("Pacific/Kiritimati");
  const headErrors = watchHydration(head);
  for (const path of ["/dashboard", "/operations", "/rota", "/worklist"]) await load(head, path);
  await expect(head.getByTestId("waiting").first()).toBeVisible();

  const radiologistErrors = watchHydration(radiologist);
  await load(radiologist, "/worklist");
  await load(radiologist, `/requests/${requestId}`);
  await load(radiologist, `/requests/${requestId}/viewer`);
  await expect(radiologist.locator('[data-viewport="stack-0"]')).toHaveAttribute("data-renders", /^[1-9]\d*$/, { timeout: 30_000 });
  await load(radiologist, "/notifications");

  expect([...headErrors, ...radiologistErrors]).toEqual([]);
});
