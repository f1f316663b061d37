import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic, worklistRow } from "./pages";

test("the worklist sorts by priority then age and filters by status, site, priority and type", async ({ browser }) => {
  // Two referrer submissions and two sessions: over a minute when the viewer specs share the cores.
  test.slow();
  const tag = Date.now().toString(36);
  const routine = `Routine${tag}`;
  const vital = `Vital${tag}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  await submitTeleDiagnostic(referrer, { familyName: routine, priority: "ROUTINE" });
  await submitTeleDiagnostic(referrer, { familyName: vital, priority: "VITAL" });

  const page = await signedInPage(browser, accounts.radiologistAllSites);
  const rows = page.getByTestId("worklist").locator("tbody tr");
  await expect(worklistRow(page, routine)).toBeVisible();
  // The vital emergency, submitted later, still comes first.
  const names = await rows.allInnerTexts();
  const vitalIndex = names.findIndex((text) => text.includes(vital.toUpperCase()));
  const routineIndex = names.findIndex((text) => text.includes(routine.toUpperCase()));
  expect(vitalIndex).toBeGreaterThanOrEqual(0);
  expect(vitalIndex).toBeLessThan(routineIndex);

  await page.getByLabel("Priorité").selectOption({ label: "Programmé" });
  await expect(worklistRow(page, vital)).toHaveCount(0);
  await expect(worklistRow(page, routine)).toBeVisible();

  await page.getByLabel("Priorité").selectOption({ label: "Tous" });
  await page.getByLabel("Type").selectOption({ label: "Téléexpertise" });
  await expect(worklistRow(page, vital)).toHaveCount(0);
  await expect(worklistRow(page, routine)).toHaveCount(0);

  await page.getByLabel("Type").selectOption({ label: "Télédiagnostic" });
  await page.getByLabel("Site").selectOption({ label: "VRN · Hôpital de Vernay" });
  await expect(worklistRow(page, vital)).toHaveCount(0);
  await page.getByLabel("Site").selectOption({ label: "SAL · CH de Saint-Aubin-sur-Loire" });
  await expect(worklistRow(page, vital)).toBeVisible();

  await page.getByLabel("Statut").selectOption({ label: "Annulée" });
  await expect(worklistRow(page, vital)).toHaveCount(0);
  await page.getByLabel("Statut").selectOption({ label: "Soumise" });
  await expect(worklistRow(page, vital)).toBeVisible();
  await expect(worklistRow(page, routine)).toBeVisible();
});
