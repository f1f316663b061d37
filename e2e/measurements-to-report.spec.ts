import { expect, test, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { freshUserLike, type FreshUser } from "./fresh-user";
import { signedInPage, waitUntilLive } from "./pages";
import { requestReadyToRead } from "./reading-ready";

// Issue 17, defect 2: a radiologist with the viewer on a second monitor and the report editor
// in the first window. What the viewer sends must reach every editor of the request, live, and
// end with the session. The radiologist is a user of this spec's own: signing out discards all
// of their pending measurements, which must not touch the demo accounts other specs use.

const MEASURED = /Longueur : \d+,\d mm/;

/** Draws a length across the middle of the first viewport and sends it to the report. */
async function measureAndSend(viewer: Page): Promise<void> {
  const stack = viewer.locator('[data-viewport="stack-0"]');
  await expect(stack).toHaveAttribute("data-renders", /^[1-9]\d*$/, { timeout: 30_000 });
  await viewer.getByTestId("tool-length").click();
  const box = (await stack.locator(".viewer-element").boundingBox())!;
  await viewer.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await viewer.mouse.down();
  await viewer.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 8 });
  await viewer.mouse.up();
  const measurement = viewer.getByTestId("measurement").first();
  await expect(measurement.getByTestId("measurement-text")).toHaveText(MEASURED);
  await measurement.getByTestId("send-to-report").click();
  // "Sent" only once the server stored it.
  await expect(measurement.getByTestId("send-to-report")).toHaveText("Envoyée au compte rendu");
}

async function signInAgain(page: Page, user: FreshUser): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(user.password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByTestId("current-user")).toContainText(user.name, { timeout: 30_000 });
}

test("a measurement sent from the viewer in a second window appears live in the open editor and in one opened later, and is gone after signing out", async ({ browser }) => {
  test.setTimeout(240_000);
  const reader = await freshUserLike(accounts.radiologistSalVrn.email, "Mesure");
  const first = await signedInPage(browser, reader);
  const { requestId } = await requestReadyToRead(browser, "Ms", { radiologist: { page: first, name: reader.name } });
  await first.getByRole("button", { name: "Commencer la lecture" }).click();
  const editor = first.getByTestId("report-editor");
  await expect(editor.getByTestId("report-measurements-none")).toBeVisible();
  await waitUntilLive(first);

  // The second monitor: another window of the same signed-in browser.
  const viewer = await first.context().newPage();
  await viewer.goto(`/requests/${requestId}/viewer`);
  await measureAndSend(viewer);

  // The editor already open lists it without a reload, and can insert it.
  const listed = editor.getByTestId("report-measurements").locator("li");
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText(MEASURED);
  await editor.locator("#report-field-findings").click();
  await listed.first().getByRole("button", { name: "Insérer" }).click();
  await expect(editor.locator("#report-field-findings")).toHaveValue(MEASURED);

  // An editor opened only after sending finds it too.
  const later = await first.context().newPage();
  await later.goto(`/requests/${requestId}`);
  await expect(later.getByTestId("report-editor").getByTestId("report-measurements").locator("li")).toContainText(MEASURED);
  await later.close();
  await viewer.close();

  // Signing out ends what was waiting; signing in again finds nothing pending.
  await expect(first.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await first.getByRole("button", { name: "Se déconnecter" }).click();
  await first.waitForURL("**/signin**");
  await signInAgain(first, reader);
  await first.goto(`/requests/${requestId}`);
  await expect(first.getByTestId("report-editor").getByTestId("report-measurements-none")).toBeVisible();
  // What was inserted before is in the draft's text, not lost with the pending list.
  await expect(first.getByTestId("report-editor").locator("#report-field-findings")).toHaveValue(MEASURED);
});
