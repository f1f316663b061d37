import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic, waitUntilLive, worklistRow } from "./pages";

test("a submitted request appears live in the radiologists' worklists, one claim wins, other sites cannot see it", async ({ browser }) => {
  // Six browser contexts on a 2-core machine shared with the server: give it room.
  test.slow();
  const familyName = `Live${Date.now().toString(36)}`;
  const radiologist = await signedInPage(browser, accounts.radiologistAllSites);
  const rival = await signedInPage(browser, accounts.radiologistSalVrn);
  await waitUntilLive(radiologist);
  await waitUntilLive(rival);
  await expect(worklistRow(radiologist, familyName)).toHaveCount(0);

  const referrer = await signedInPage(browser, accounts.referrerSal);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "VITAL" });

  // No reload: the socket hint makes both worklists refetch.
  const row = worklistRow(radiologist, familyName);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-priority", "VITAL");
  await expect(row.locator(".badge")).toHaveText("Urgence vitale");
  await expect(worklistRow(rival, familyName)).toBeVisible();

  await row.getByRole("button", { name: "Prendre" }).click();
  await expect(row.getByTestId("holder")).toHaveText(accounts.radiologistAllSites.name);
  // The referrer's detail page follows live too.
  await expect(referrer.getByTestId("holder")).toHaveText(accounts.radiologistAllSites.name);

  const rivalRow = worklistRow(rival, familyName);
  await expect(rivalRow.getByTestId("holder")).toHaveText(accounts.radiologistAllSites.name);
  await rivalRow.getByRole("button", { name: "Prendre" }).click();
  await expect(rivalRow.getByRole("alert")).toHaveText(`Déjà prise en charge par ${accounts.radiologistAllSites.name}.`);

  // The holder releases it: every worklist shows it unassigned again.
  await row.getByRole("button", { name: "Libérer" }).click();
  await expect(rivalRow.getByTestId("holder")).toHaveText("Non attribuée");

  // The timeline shows each event with its actor.
  await radiologist.goto(`/requests/${requestId}`);
  const timeline = radiologist.getByTestId("timeline");
  await expect(timeline.locator("li")).toHaveCount(3);
  await expect(timeline.locator("li").nth(0)).toContainText("Demande soumise");
  await expect(timeline.locator("li").nth(1)).toContainText(`Prise en charge — ${accounts.radiologistAllSites.name}`);
  await expect(timeline.locator("li").nth(2)).toContainText("Remise dans le pool");

  // Another site's referrer: not in their list, and the URL answers like a missing page.
  const outsider = await signedInPage(browser, accounts.referrerVrn);
  await expect(outsider.getByTestId("worklist-count")).toBeVisible();
  await expect(worklistRow(outsider, familyName)).toHaveCount(0);
  const response = await outsider.goto(`/requests/${requestId}`);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByTestId("not-found")).toBeVisible();

  // A radiologist without a privilege for the site does not see it either.
  const unprivileged = await signedInPage(browser, accounts.radiologistMtcBlr);
  await expect(unprivileged.getByTestId("worklist-count")).toBeVisible();
  await expect(worklistRow(unprivileged, familyName)).toHaveCount(0);
});
