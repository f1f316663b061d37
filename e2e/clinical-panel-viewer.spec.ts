import { expect, test, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked } from "./pages";
import { requestReadyToRead } from "./reading-ready";

// The viewer's clinical panel: the request's question, safety items and protocol beside the
// images, toggled with C, collapsed by default on a tablet, and an error (never old data)
// when the request cannot be read.

async function openViewer(page: Page, requestId: string): Promise<void> {
  await page.goto(`/requests/${requestId}`);
  await page.getByTestId("open-viewer").click();
  await page.waitForURL(`**/requests/${requestId}/viewer`);
  await expect(page.getByTestId("viewer")).toBeVisible({ timeout: 30_000 });
}

test("shows the request's question, safety items and protocol beside the images, and C toggles it", async ({ browser }) => {
  const { requestId, radiologist } = await requestReadyToRead(browser, "Clin");
  await radiologist.setViewportSize({ width: 1440, height: 900 });
  await openViewer(radiologist, requestId);

  const panel = radiologist.getByTestId("clinical-panel");
  const toggle = panel.getByTestId("toggle-clinical-panel");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(panel.getByTestId("clinical-question")).toHaveText("AVC ischémique ? Thrombose ?");
  await expect(panel.getByTestId("clinical-context")).toHaveText("Hémiplégie droite et aphasie depuis 30 minutes.");
  // The safety items as the referrer answered them on the form (e2e/pages.ts).
  const safety = panel.getByTestId("clinical-safety");
  await expect(safety.getByTestId("safety-renal")).toHaveText("Normale");
  await expect(safety.getByTestId("safety-allergy")).toHaveText("Non");
  await expect(safety.getByTestId("safety-pregnancy")).toHaveText("Non applicable");
  await expect(safety.getByTestId("safety-metformin")).toHaveText("Non");
  await expect(panel.getByTestId("clinical-requester")).toContainText(accounts.referrerSal.name);
  await expect(panel.getByTestId("clinical-protocol")).toContainText("TDM cérébrale sans injection, coupes de 1 mm");
  // Beside the images, not over them: the panel and the viewport do not overlap.
  const panelBox = await panel.boundingBox();
  const stageBox = await radiologist.getByTestId("viewer-container").boundingBox();
  expect(panelBox && stageBox && panelBox.x >= stageBox.x + stageBox.width).toBe(true);
  await shootWhenAsked(radiologist, "viewer-clinical-panel");

  await radiologist.keyboard.press("c");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(panel.getByTestId("clinical-question")).toHaveCount(0);
  await radiologist.keyboard.press("c");
  await expect(panel.getByTestId("clinical-question")).toHaveText("AVC ischémique ? Thrombose ?");

  // The shortcut is listed in the viewer's help.
  await radiologist.getByTestId("open-help").click();
  await expect(radiologist.getByTestId("shortcuts-help").getByTestId("shortcut-row").filter({ hasText: "Afficher ou masquer les informations cliniques" })).toContainText("C");
});

test("is collapsed on a tablet, and shows an error rather than stale data when the request cannot be read", async ({ browser }) => {
  const { requestId, radiologist } = await requestReadyToRead(browser, "ClinErr");
  await radiologist.setViewportSize({ width: 768, height: 1024 });
  // The request's detail fails (as a server error would): the panel says so.
  const detail = "**/api/trpc/**requests.byId**";
  await radiologist.route(detail, (route) => route.fulfill({ status: 503, contentType: "application/json", body: "{}" }));
  await openViewer(radiologist, requestId);

  const panel = radiologist.getByTestId("clinical-panel");
  await expect(panel.getByTestId("toggle-clinical-panel")).toHaveAttribute("aria-expanded", "false");
  await expect(panel.getByTestId("clinical-question")).toHaveCount(0);
  await panel.getByTestId("toggle-clinical-panel").click();
  await expect(panel.getByTestId("clinical-panel-error")).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByTestId("clinical-question")).toHaveCount(0);

  await radiologist.unroute(detail);
  await panel.getByRole("button", { name: "Réessayer" }).click();
  await expect(panel.getByTestId("clinical-question")).toHaveText("AVC ischémique ? Thrombose ?");
  await expect(panel.getByTestId("clinical-panel-error")).toHaveCount(0);
  await shootWhenAsked(radiologist, "viewer-clinical-panel-tablet");
});
