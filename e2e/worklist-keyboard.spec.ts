import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage, submitTeleDiagnostic, waitUntilLive } from "./pages";

// The worklist at a glance and by keyboard (issue 17): an escalated request is marked in
// words; the radiologist moves, claims, opens, comes back and releases with the keyboard only,
// gets the same refusal as with the button, reads the keys in the help panel, and the keys
// do nothing while a filter has the focus. No sleeps: each step waits for what the user sees.

test("a radiologist drives the worklist with the keyboard: marks, help, move, claim, open, back, release, the claim refusal, filters left alone", async ({ browser, request }) => {
  test.slow();
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const familyName = `Clavier${Date.now().toString(36)}`;
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "VITAL" });
  await referrer.context().close();

  // Nobody takes it within the vital target (10 min): the test clock runs the due escalation checks.
  const run = await request.post("/__test/run-jobs", { data: { kind: "escalation.check", advanceMinutes: 12 } });
  expect(run.ok(), await run.text()).toBe(true);

  const radiologist = await signedInPage(browser, accounts.radiologistSalVrn);
  await radiologist.goto("/worklist");
  await waitUntilLive(radiologist);
  const row = radiologist.locator(`[data-testid="worklist"] tr[data-request-id="${requestId}"]`);
  const selectedRows = radiologist.locator('[data-testid="worklist"] tbody tr[aria-selected="true"]');
  await expect(row.getByTestId("row-mark-escalated")).toContainText("Escaladée");
  await expect(row.getByTestId("row-mark-escalated")).toHaveAttribute("title", /escaladée, toujours en attente/);
  // On a phone the marked table scrolls in its own box: the page does not scroll sideways.
  await radiologist.setViewportSize({ width: 390, height: 844 });
  await expect(row.getByTestId("row-mark-escalated")).toBeVisible();
  expect(await radiologist.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await radiologist.setViewportSize({ width: 1280, height: 720 });

  // "?" lists the keys, like the viewer's help; Escape closes it.
  await radiologist.keyboard.press("?");
  const help = radiologist.getByRole("dialog", { name: "Raccourcis clavier de la liste de travail" });
  await expect(help).toBeVisible();
  await shootWhenAsked(radiologist, "worklist-keys-help");
  for (const line of ["Demande suivante", "Ouvrir la demande sélectionnée", "Prendre la demande sélectionnée", "Libérer la demande sélectionnée", "revenir à la liste de travail"]) {
    await expect(help).toContainText(line);
  }
  await radiologist.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // J moves down the list until the request; the selected row holds the focus.
  for (let presses = 0; presses < 300 && (await row.getAttribute("aria-selected")) !== "true"; presses++) {
    await radiologist.keyboard.press("j");
    await expect(selectedRows).toHaveCount(1);
  }
  await expect(row).toHaveAttribute("aria-selected", "true");
  await expect(row).toBeFocused();
  await shootWhenAsked(radiologist, "worklist-selected");
  // K goes up one (unless already first), the down arrow comes back.
  const index = await row.evaluate((element) => (element as HTMLTableRowElement).sectionRowIndex);
  await radiologist.keyboard.press("k");
  await expect(row).toHaveAttribute("aria-selected", index === 0 ? "true" : "false");
  await radiologist.keyboard.press("ArrowDown");
  if (index > 0) await expect(row).toHaveAttribute("aria-selected", "true");
  await expect(row).toBeFocused();

  // P claims it through the row's own action: held, the escalation mark goes.
  await radiologist.keyboard.press("p");
  await expect(row.getByTestId("holder")).toHaveText(accounts.radiologistSalVrn.name);
  await expect(row.getByRole("status")).toContainText("Demande prise en charge.");
  await expect(row.getByTestId("row-mark-escalated")).toHaveCount(0);

  // Enter opens it; Backspace comes back to the list, on the same row.
  await radiologist.keyboard.press("Enter");
  await radiologist.waitForURL(`**/requests/${requestId}`);
  await expect(radiologist.getByTestId("patient-name")).toContainText(familyName.toUpperCase());
  await radiologist.keyboard.press("Backspace");
  await radiologist.waitForURL("**/worklist");
  await expect(row).toHaveAttribute("aria-selected", "true");
  await expect(row).toBeFocused();

  // L releases it.
  await radiologist.keyboard.press("l");
  await expect(row.getByRole("status")).toContainText("Demande libérée.");
  await expect(row.getByTestId("holder")).toHaveText("Non attribuée");

  // A colleague takes it meanwhile: P gets the same refusal as the button, naming the holder.
  const colleague = await signedInPage(browser, accounts.radiologistAllSites);
  await colleague.goto(`/requests/${requestId}`);
  await waitUntilLive(colleague);
  await colleague.getByRole("button", { name: "Prendre" }).click();
  await expect(colleague.getByTestId("holder")).toHaveText(accounts.radiologistAllSites.name);
  await radiologist.keyboard.press("p");
  await expect(row.getByRole("alert")).toContainText(`Déjà prise en charge par ${accounts.radiologistAllSites.name}.`);

  // In a filter field the keys are the field's: the selection does not move.
  await radiologist.locator("#filter-priority").focus();
  await radiologist.keyboard.press("j");
  await radiologist.keyboard.press("k");
  await expect(row).toHaveAttribute("aria-selected", "true");
  await expect(selectedRows).toHaveCount(1);
  await expect(radiologist.locator("#filter-priority")).toBeFocused();
});
