import { ctHeadSeries } from "../lib/dicom/synthetic";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage, submitTeleDiagnostic, waitUntilLive } from "./pages";
import { stowInstances } from "./stow";
import { expect, test } from "./test";

// Bellerive (BLR) has no radiographer account and requires the patient's information before
// reading: the requesting physician records it, asked by the radiologist in the thread.

test("at a site without a radiographer, the radiologist asks the requesting physician in the thread, who records the patient's information, and reading starts", async ({ browser }) => {
  // Three people, a study sent and read: longer than one screen's test.
  test.slow();
  const familyName = `Informe${Date.now().toString(36)}`;
  const referrer = await signedInPage(browser, accounts.referrerBlr);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "VITAL" });

  const radiologist = await signedInPage(browser, accounts.radiologistMtcBlr);
  await radiologist.goto(`/requests/${requestId}`);
  await waitUntilLive(radiologist);
  // Another spec turns automatic assignment on at Bellerive: the request may go to the radiologist
  // on call, before or even after this page shows "Prendre" (the job runs from the queue). The
  // claim is then refused, and this radiologist takes the request over, as one would.
  const holder = radiologist.getByTestId("holder");
  const claim = radiologist.getByRole("button", { name: "Prendre", exact: true });
  const takeOver = radiologist.locator("summary", { hasText: "Reprendre la demande" });
  const mine = holder.filter({ hasText: accounts.radiologistMtcBlr.name });
  await expect(async () => {
    await expect(claim.or(takeOver).or(mine).first()).toBeVisible({ timeout: 2_000 });
    // "Prendre" stays offered on a request another radiologist holds (the claim is then refused):
    // the take-over is looked for first.
    if (await mine.isVisible()) return;
    if (await takeOver.isVisible()) {
      const reason = radiologist.getByTestId("take-over-reason");
      // The summary toggles its panel: a second try must not close it.
      if (!(await reason.isVisible())) await takeOver.click();
      await reason.fill("Je prends la demande");
      await radiologist.getByTestId("take-over-submit").click();
    } else {
      await claim.click();
    }
    await expect(holder).toHaveText(accounts.radiologistMtcBlr.name, { timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  const decision = radiologist.getByTestId("indication-form");
  await decision.getByLabel("Valider l'indication").check();
  await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
  const protocol = radiologist.getByTestId("protocol-form");
  await protocol.getByLabel("Précisions / protocole rédigé").fill("TDM cérébrale sans injection");
  await protocol.getByRole("button", { name: "Transmettre le protocole" }).click();
  await expect(radiologist.getByTestId("status")).toHaveText("Protocole transmis");

  // The requesting physician's site sends the images itself (no radiographer account).
  await referrer.goto(`/requests/${requestId}`);
  await waitUntilLive(referrer);
  const accession = (await referrer.getByTestId("accession-number").textContent())?.trim() ?? "";
  await stowInstances(referrer, [
    ...ctHeadSeries({
      seed: `e2e-informed-${familyName}`,
      patient: { familyName: familyName.toUpperCase(), givenName: "JEANNE", birthDate: "19480714", sex: "F", patientId: `IPP-${familyName}` },
      accessionNumber: accession,
      slices: 4,
      size: 64,
    }),
  ]);
  await referrer.getByRole("button", { name: "Acquisition terminée" }).click();
  await expect(radiologist.getByTestId("status")).toHaveText("Images complètes");

  // The radiologist cannot start, and is told who must act: the requesting physician, by name.
  const blocker = radiologist.getByTestId("patient-information-blocker");
  await expect(blocker).toContainText("information du patient non enregistrée");
  await expect(blocker).toContainText(`médecin demandeur, ${accounts.referrerBlr.name}`);
  await expect(radiologist.getByRole("button", { name: "Commencer la lecture" })).toHaveCount(0);
  await shootWhenAsked(radiologist, "patient-information-blocker");
  await blocker.getByRole("button", { name: "Demander dans le fil de la demande" }).click();
  await expect(blocker.getByTestId("patient-information-asked")).toBeVisible();

  // The question reaches the requesting physician live, in the thread.
  const question = referrer.getByTestId("thread-message").filter({ hasText: "le patient a-t-il été informé" });
  await expect(question).toContainText(accounts.radiologistMtcBlr.name);
  await expect(question).toContainText(`${accounts.referrerBlr.name}, le patient a-t-il été informé`);
  await shootWhenAsked(referrer, "patient-information-referrer");
  await referrer.getByTestId("record-patient-informed").click();
  await expect(referrer.getByTestId("patient-information")).toContainText(`Patient informé de l'acte à distance par ${accounts.referrerBlr.name}`);

  // The blocker lifts on its own (live) and the radiologist reads.
  await expect(blocker).toHaveCount(0);
  await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
  await expect(radiologist.getByTestId("report-editor")).toBeVisible();
  await expect(radiologist.getByTestId("status")).toHaveText("En lecture");
});

test("the requesting physician ticks the patient's information on the new-request form: it is on the request from the start", async ({ browser }) => {
  const familyName = `Coche${Date.now().toString(36)}`;
  const referrer = await signedInPage(browser, accounts.referrerBlr);
  await referrer.goto("/requests/new");
  // The box is offered, with its label, for a télédiagnostic.
  await expect(referrer.getByLabel("J'ai informé le patient que l'examen sera interprété à distance (pas d'opposition)")).not.toBeChecked();
  await shootWhenAsked(referrer, "request-form-patient-informed");
  await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT", patientInformed: true });
  await expect(referrer.getByTestId("patient-information")).toContainText(`Patient informé de l'acte à distance par ${accounts.referrerBlr.name}`);
  await expect(referrer.getByTestId("record-patient-informed")).toHaveCount(0);
  await expect(referrer.getByTestId("timeline")).toContainText("Patient informé");
});
