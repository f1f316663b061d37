import { expect, type Browser, type Page } from "@playwright/test";
import { ctHeadSeries } from "../lib/dicom/synthetic";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic, waitUntilLive } from "./pages";
import { stowInstances } from "./stow";

export interface ReadyRequest {
  requestId: string;
  familyName: string;
  /** The requester, on the request page, live. */
  referrer: Page;
  /** The holding radiologist, on the request page, live, with "Commencer la lecture" offered. */
  radiologist: Page;
}

/**
 * A télédiagnostic taken through the steps that come before reading, each through the UI of
 * the person who does it: submission, claim, indication accepted, written protocol (without
 * injection unless `injected`), patient informed, a small CT stored by STOW-RS, acquisition
 * declared complete.
 */
export async function requestReadyToRead(
  browser: Browser,
  prefix: string,
  options: { radiologist?: { page: Page; name: string }; injected?: boolean; referrer?: { page: Page } } = {},
): Promise<ReadyRequest> {
  const familyName = `${prefix}${Date.now().toString(36)}`;
  // Likewise its own requester (signed in as the SAL emergency physician, e.g. on a phone).
  const referrer = options.referrer?.page ?? (await signedInPage(browser, accounts.referrerSal));
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });
  // A spec may bring its own radiologist (signed in already), reading the same sites as the default one.
  const radiologist = options.radiologist?.page ?? (await signedInPage(browser, accounts.radiologistSalVrn));
  const radiologistName = options.radiologist?.name ?? accounts.radiologistSalVrn.name;
  await radiologist.goto(`/requests/${requestId}`);
  await waitUntilLive(radiologist);
  await radiologist.getByRole("button", { name: "Prendre" }).click();
  await expect(radiologist.getByTestId("holder")).toHaveText(radiologistName);
  const decision = radiologist.getByTestId("indication-form");
  await decision.getByLabel("Valider l'indication").check();
  await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
  const protocol = radiologist.getByTestId("protocol-form");
  await protocol.getByLabel("Précisions / protocole rédigé").fill(options.injected ? "Angioscanner cérébral et des TSA, bolus tracking" : "TDM cérébrale sans injection, coupes de 1 mm");
  // The request's safety items (normal renal function, no allergy) raise no contraindication.
  if (options.injected) await protocol.getByTestId("protocol-contrast").check();
  await protocol.getByRole("button", { name: "Transmettre le protocole" }).click();
  await expect(radiologist.getByTestId("status")).toHaveText("Protocole transmis");

  const radiographer = await signedInPage(browser, accounts.radiographerSal);
  await radiographer.goto(`/requests/${requestId}`);
  await waitUntilLive(radiographer);
  await radiographer.getByTestId("record-patient-informed").click();
  await expect(radiographer.getByTestId("patient-information")).toContainText("Patient informé");
  const accession = (await radiographer.getByTestId("accession-number").textContent())?.trim() ?? "";
  const instances = [
    ...ctHeadSeries({
    seed: `e2e-${prefix}-${familyName}`,
    patient: { familyName: familyName.toUpperCase(), givenName: "JEANNE", birthDate: "19480714", sex: "F", patientId: `IPP-${familyName}` },
    accessionNumber: accession,
    slices: 12,
    size: 64,
  }),
  ];
  await stowInstances(radiographer, instances);
  await radiographer.getByRole("button", { name: "Acquisition terminée" }).click();
  await expect(radiographer.getByTestId("status")).toHaveText("Images complètes");
  await radiographer.context().close();

  await expect(radiologist.getByTestId("status")).toHaveText("Images complètes");
  await referrer.goto(`/requests/${requestId}`);
  await waitUntilLive(referrer);
  return { requestId, familyName, referrer, radiologist };
}
