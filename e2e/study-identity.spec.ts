import { expect, test } from "./test";
import { ctHeadSeries, type SyntheticPatient } from "../lib/dicom/synthetic";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic } from "./pages";
import { stowInstances } from "./stow";

// The site's staff find the study to link on the request page: by default only the request's
// patient's studies, otherwise by IPP or name, ten a page, each row with the identity the
// study was received with. A study whose IPP differs links only with a reason.

function oneSliceStudy(seed: string, patient: SyntheticPatient) {
  return [...ctHeadSeries({ seed, patient, studyDate: "20261201", slices: 1, size: 32 })];
}

test("a radiographer finds the study to link by IPP and by name, pages, and links one whose IPP differs only with a reason", async ({ browser }) => {
  test.slow();
  const tag = Date.now().toString(36).toUpperCase();
  const familyName = `Ident${tag}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  // The form types IPP-<family name> as the site's patient ID.
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });

  const radiographer = await signedInPage(browser, accounts.radiographerSal);
  const jeanne = { familyName: familyName.toUpperCase(), givenName: "JEANNE", birthDate: "19480714", sex: "F" as const };
  const own = oneSliceStudy(`e2e-identity-own-${tag}`, { ...jeanne, patientId: `IPP-${familyName}` });
  // A namesake born the same day, registered under another IPP (or the same person's old record).
  const namesake = oneSliceStudy(`e2e-identity-namesake-${tag}`, { ...jeanne, patientId: `AUTRE-${tag}` });
  const crowdName = `FOULE${tag}`;
  const crowd = Array.from({ length: 12 }, (_, i) => oneSliceStudy(`e2e-identity-crowd-${tag}-${i}`, { familyName: crowdName, givenName: `PAUL${i}`, birthDate: "19600101", sex: "M", patientId: `F${tag}-${i}` })).flat();
  await stowInstances(radiographer, [...own, ...namesake, ...crowd]);

  await radiographer.goto(`/requests/${requestId}`);
  const search = radiographer.getByTestId("study-search");
  const rows = search.getByTestId("study-search-row");
  // Nothing asked: only the request's patient's studies (same IPP, or same names and birth date), never the crowd.
  await expect(rows).toHaveCount(2);
  expect((await search.getByTestId("study-row-ipp").allTextContents()).sort()).toEqual([`AUTRE-${tag}`, `IPP-${familyName}`].sort());
  await expect(search).not.toContainText(crowdName);

  // By IPP: that study alone, with its own identity.
  await search.getByTestId("study-search-patientId").fill(`ipp-${familyName.toLowerCase()}`);
  await search.getByTestId("study-search-submit").click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("study-row-ipp")).toHaveText(`IPP-${familyName}`);

  // By name (any case), ten a page.
  await search.getByTestId("study-search-patientId").fill("");
  await search.getByTestId("study-search-name").fill(crowdName.toLowerCase());
  await search.getByTestId("study-search-submit").click();
  await expect(search.getByTestId("study-search-total")).toHaveText("12 examen(s) · page 1 sur 2");
  await expect(rows).toHaveCount(10);
  await expect(rows.first().getByTestId("study-row-name")).toContainText(crowdName);
  await search.getByTestId("study-search-next").click();
  await expect(search.getByTestId("study-search-total")).toHaveText("12 examen(s) · page 2 sur 2");
  await expect(rows).toHaveCount(2);

  // The namesake: same name and birth date, another IPP. Linking it asks for a reason.
  await search.getByRole("button", { name: "Effacer" }).click();
  await search.getByTestId("study-search-patientId").fill(`AUTRE-${tag}`);
  await search.getByTestId("study-search-submit").click();
  await expect(rows).toHaveCount(1);
  await rows.first().getByTestId("study-search-link").click();
  await expect(search.getByTestId("study-search-outcome")).toContainText("confirmez le rattachement avec un motif");

  const card = radiographer.getByTestId("study-card").filter({ has: radiographer.getByTestId("identity-mismatch") });
  await expect(card).toHaveAttribute("data-link-state", "NEEDS_CONFIRMATION");
  const ippRow = card.getByTestId("identity-mismatch-table").locator('tr[data-field="sitePatientId"]');
  await expect(ippRow).toContainText(`IPP-${familyName}`);
  await expect(ippRow).toContainText(`AUTRE-${tag}`);
  await expect(card.getByTestId("identity-mismatch-table").locator("tbody tr")).toHaveCount(1);
  // Not linked yet: no reason, no link.
  await expect(card.getByTestId("link-reason")).toHaveAttribute("required", "");
  await card.getByTestId("link-reason").fill("Ancien IPP avant fusion des dossiers, identité vérifiée");
  await card.getByRole("button", { name: "Confirmer le rattachement" }).click();
  await expect(card).toHaveCount(0);
  const linked = radiographer.getByTestId("study-card").filter({ hasText: `AUTRE-${tag}` });
  await expect(linked).toHaveAttribute("data-link-state", "LINKED");
  // The page shows the study's own name and IPP, as received.
  await expect(linked.getByTestId("study-patient-name")).toHaveText(`${familyName.toUpperCase()} JEANNE`);
  await expect(referrer.getByTestId("timeline")).toContainText("Examen d'images rattaché");
});
