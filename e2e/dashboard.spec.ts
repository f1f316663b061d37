import { readFile } from "node:fs/promises";
import { nearestRank } from "../lib/domain/dashboard/percentile";
import { addDays, instantToWallClock } from "../lib/domain/rota/wall-clock";
import { formatDuration } from "../lib/ui/dashboard/format-duration";
import { DEMO_HISTORY } from "../prisma/demo-history-spec";
import { accounts } from "./demo-accounts";
import { signedInPage } from "./pages";
import { expect, test } from "./test";

// The demo's past activity (prisma/demo-history-spec.ts) is seeded when the server starts; the
// expected figures are computed here from the same timelines. The period ends yesterday, so the
// requests other specs create today do not count.
const today = instantToWallClock(new Date()).date;
const from = addDays(today, -40);
const to = addDays(today, -1);
const urgentAtBellerive = DEMO_HISTORY.filter((timeline) => timeline.siteCode === "BLR" && timeline.priority === "URGENT");
const signedMinutes = urgentAtBellerive.flatMap((timeline) => (timeline.signed === undefined ? [] : [timeline.signed])).sort((a, b) => a - b);

test("a department head filters by site and priority, reads the figures and drills down to the requests", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.head);
  await page.goto("/dashboard");
  const dashboard = page.getByTestId("dashboard");
  await expect(dashboard).toHaveAttribute("data-state", "ready");

  await page.getByTestId("dash-from").fill(from);
  await page.getByTestId("dash-to").fill(to);
  await page.getByTestId("dash-site-BLR").check();
  await page.getByTestId("dash-priority-URGENT").check();
  await page.getByTestId("dash-apply").click();
  await expect(page).toHaveURL(/priority=URGENT/);
  await expect(dashboard).toHaveAttribute("data-state", "ready");

  await expect(page.getByTestId("dash-total-submitted")).toHaveText(String(urgentAtBellerive.length));
  await expect(page.getByTestId("dash-summary-SUBMITTED_TO_SIGNED-count")).toHaveText(String(signedMinutes.length));
  await expect(page.getByTestId("dash-summary-SUBMITTED_TO_SIGNED-median")).toHaveText(formatDuration(nearestRank(signedMinutes, 50)! * 60, "fr"));
  await expect(page.getByTestId("dash-summary-SUBMITTED_TO_SIGNED-p90")).toHaveText(formatDuration(nearestRank(signedMinutes, 90)! * 60, "fr"));
  await expect(page.getByTestId("dash-chart-trend").locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("dash-chart-heatmap").locator("svg").first()).toBeVisible();

  // The count is made of the signed requests: the list behind it has exactly them, all urgent at Bellerive.
  await page.getByTestId("dash-summary-SUBMITTED_TO_SIGNED-count").click();
  const drill = page.getByTestId("dash-drill");
  await expect(drill.getByTestId("dash-drill-total")).toContainText(String(signedMinutes.length));
  const rows = drill.getByTestId("dash-drill-row");
  await expect(rows).toHaveCount(signedMinutes.length);
  for (const row of await rows.all()) {
    await expect(row).toContainText("BLR");
    await expect(row).toContainText("Urgent");
  }

  // The same table downloads as CSV.
  const csv = await page.request.get(`/api/exports/dashboard-summary?input=${encodeURIComponent(JSON.stringify({ filter: { from, to, priorities: ["URGENT"] } }))}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Soumission → signature");

  // The monthly activity report of an inter-hospital agreement downloads as a PDF.
  await page.getByTestId("dash-drill-close").click();
  await page.locator("#activity-scope").selectOption({ label: "Vallée de la Brenne (2 site(s))" });
  const download = page.waitForEvent("download");
  await page.getByTestId("activity-report-download").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^rapport-activite-.+\.pdf$/);
  const bytes = await readFile((await file.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("a radiologist cannot open the dashboard nor export its figures", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.radiologistAllSites);
  await expect(page.getByRole("link", { name: "Délais" })).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/worklist$/);
  await expect(page.getByTestId("dashboard")).toHaveCount(0);
  const csv = await page.request.get(`/api/exports/dashboard-summary?input=${encodeURIComponent(JSON.stringify({ filter: { from, to } }))}`);
  expect(csv.status()).toBe(403);
});

test("the department head's live board shows the backlog and who is on call now", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.head);
  await page.getByRole("link", { name: "Activité en direct" }).click();
  await expect(page).toHaveURL(/\/operations$/);
  await expect(page.getByTestId("ops-open-total")).toHaveText(/^\d+$/);
  await expect(page.getByTestId("ops-backlog")).toBeVisible();
  // The demo rota has a primary on call at every hour.
  await expect(page.getByTestId("ops-on-call").locator("tbody tr").first()).toBeVisible();
  const csv = await page.request.get(`/api/exports/operations-on-call?input=${encodeURIComponent("{}")}`);
  expect(csv.status()).toBe(200);
});
