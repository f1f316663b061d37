import type { Route } from "@playwright/test";
import { expect, test, type Page } from "./test";
import { requestReadyToRead } from "./reading-ready";

// Issue 17, defect 3: text typed just after "Changer de modèle", or while an autosave is on its
// way back, was overwritten by the server's older copy. The answers are held back (not slept
// on) until the typing is done, so the typing surely happens during the round trip.

/** Holds the next answer to this tRPC procedure until `release` is called; resolves once it was asked. */
async function holdAnswer(page: Page, procedure: string): Promise<{ asked: Promise<void>; release: () => void; answered: Promise<void> }> {
  let markAsked!: () => void;
  let release!: () => void;
  let markAnswered!: () => void;
  const asked = new Promise<void>((resolve) => (markAsked = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const answered = new Promise<void>((resolve) => (markAnswered = resolve));
  const pattern = `**/api/trpc/*${procedure}*`;
  const handler = async (route: Route) => {
    // The server does its work now; only its answer waits.
    const response = await route.fetch();
    markAsked();
    await released;
    await route.fulfill({ response });
    markAnswered();
  };
  // Only the next call: the saves that follow go through untouched.
  await page.route(pattern, handler, { times: 1 });
  return { asked, release, answered };
}

test("no character is lost to a template switch or to an autosave round trip", async ({ browser }) => {
  test.setTimeout(180_000);
  const { radiologist: page } = await requestReadyToRead(browser, "Ty");
  await page.getByRole("button", { name: "Commencer la lecture" }).click();
  const editor = page.getByTestId("report-editor");
  const findings = editor.locator("#report-field-findings");
  const conclusion = editor.locator("#report-field-conclusion");
  await findings.fill("Pas de saignement.");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  // Switch to the free-form template and type at once, while the switch is on its way.
  const switching = await holdAnswer(page, "reports.changeTemplate");
  await editor.locator("#report-template").selectOption({ label: "Compte rendu libre" });
  await editor.getByRole("button", { name: "Changer de modèle" }).click();
  await switching.asked;
  await findings.pressSequentially(" Hypodensité");
  await conclusion.pressSequentially("AVC");
  switching.release();
  await switching.answered;
  // The new template's form, with everything typed; and typing goes on at once.
  await expect(editor.getByText(/· Compte rendu libre \(v\d+\)/)).toBeVisible();
  await expect(findings).toHaveValue("Pas de saignement. Hypodensité");
  await conclusion.pressSequentially(" ischémique");
  await expect(conclusion).toHaveValue("AVC ischémique");

  // Type while an autosave's answer is on its way back.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const saving = await holdAnswer(page, "reports.saveDraft");
  await findings.pressSequentially(" capsulaire");
  await saving.asked;
  await findings.pressSequentially(" gauche.");
  await conclusion.pressSequentially(" récent");
  saving.release();
  await saving.answered;
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  await page.reload();
  await expect(page.getByTestId("report-editor").getByText(/· Compte rendu libre \(v\d+\)/)).toBeVisible();
  await expect(page.locator("#report-field-findings")).toHaveValue("Pas de saignement. Hypodensité capsulaire gauche.");
  await expect(page.locator("#report-field-conclusion")).toHaveValue("AVC ischémique récent");
});
