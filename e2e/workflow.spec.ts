import { expect, test, type Page } from "./test";
import { ctHeadSeries } from "../lib/dicom/synthetic";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic, waitUntilLive, worklistRow } from "./pages";
import { stowInstances } from "./stow";

// One télédiagnostic, from submission to "images complete", across the three people who carry
// it, each in their own browser: every change reaches the others live (no reload, no sleep).

async function openRequest(page: Page, requestId: string): Promise<void> {
  await page.goto(`/requests/${requestId}`);
  await waitUntilLive(page);
}

async function expectStatusEverywhere(pages: Page[], status: string): Promise<void> {
  for (const page of pages) await expect(page.getByTestId("status")).toHaveText(status);
}

test("a télédiagnostic goes through justification and protocol to complete images, live for referrer, radiologist and radiographer", async ({ browser }) => {
  test.slow();
  const familyName = `Flux${Date.now().toString(36)}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const radiologist = await signedInPage(browser, accounts.radiologistSalVrn);
  const radiographer = await signedInPage(browser, accounts.radiographerSal);

  await radiologist.goto("/worklist");
  await waitUntilLive(radiologist);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });
  await waitUntilLive(referrer);
  await expect(worklistRow(radiologist, familyName)).toBeVisible();

  // The radiologist takes it and asks a question before deciding.
  await openRequest(radiologist, requestId);
  await openRequest(radiographer, requestId);
  await radiologist.getByRole("button", { name: "Prendre" }).click();
  await expect(radiologist.getByTestId("holder")).toHaveText(accounts.radiologistSalVrn.name);
  const decision = radiologist.getByTestId("indication-form");
  await decision.getByLabel("Demander un complément d'information").check();
  await decision.getByLabel("Question au demandeur").fill("Créatininémie récente ?");
  await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expectStatusEverywhere([radiologist, referrer, radiographer], "Complément demandé");

  // The referrer sees the question and is notified; the answer sends it back.
  await expect(referrer.getByTestId("pending-question")).toContainText("Créatininémie récente ?");
  await expect(referrer.getByTestId("notification-unread-count")).not.toHaveText("");
  await referrer.getByLabel("Votre réponse").fill("DFG 82 mL/min ce matin");
  await referrer.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expectStatusEverywhere([radiologist, referrer], "Soumise");
  await expect(radiologist.getByTestId("timeline")).toContainText("DFG 82 mL/min ce matin");

  // Justification, then the protocol from the site's catalogue (contrast preselected).
  await decision.getByLabel("Valider l'indication").check();
  await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expectStatusEverywhere([radiologist, referrer], "Indication validée");
  const protocol = radiologist.getByTestId("protocol-form");
  const angio = await protocol.locator("option", { hasText: "Angio-TDM des TSA" }).getAttribute("value");
  await protocol.getByLabel("Protocole du catalogue du site").selectOption(angio ?? "");
  await expect(protocol.getByTestId("protocol-contrast")).toBeChecked();
  await expect(protocol).toContainText("Aucune alerte sur la fiche de sécurité.");
  await protocol.getByLabel("Précisions / protocole rédigé").fill("Acquisition au temps artériel, bolus tracking");
  await protocol.getByRole("button", { name: "Transmettre le protocole" }).click();
  await expectStatusEverywhere([radiologist, referrer, radiographer], "Protocole transmis");

  // The radiographer sees the prescription, records the patient's information, acquires and sends.
  const prescription = radiographer.getByTestId("protocol-summary");
  await expect(prescription).toContainText("Angio-TDM des TSA — Acquisition au temps artériel, bolus tracking");
  await expect(prescription).toContainText("Avec injection");
  await radiographer.getByTestId("record-patient-informed").click();
  await expect(radiographer.getByTestId("patient-information")).toContainText(`Patient informé de l'acte à distance par ${accounts.radiographerSal.name}`);
  await expect(radiologist.getByTestId("patient-information")).toContainText("Patient informé");

  const accession = (await radiographer.getByTestId("accession-number").textContent())?.trim() ?? "";
  const instances = [
    ...ctHeadSeries({
      seed: `e2e-flow-${familyName}`,
      patient: { familyName: familyName.toUpperCase(), givenName: "JEANNE", birthDate: "19480714", sex: "F", patientId: `IPP-${familyName}` },
      accessionNumber: accession,
      slices: 3,
      size: 64,
    }),
  ];
  await stowInstances(radiographer, instances);
  await expectStatusEverywhere([radiographer, radiologist, referrer], "Images en cours de réception");
  await radiographer.getByRole("button", { name: "Acquisition terminée" }).click();
  await expectStatusEverywhere([radiographer, radiologist, referrer], "Images complètes");
});
