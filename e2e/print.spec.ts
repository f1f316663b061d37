import { PDFDocument } from "pdf-lib";
import { pdfText } from "../lib/testing/pdf-text";
import { expect, test, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage, submitTeleDiagnostic, waitUntilLive } from "./pages";
import { requestReadyToRead } from "./reading-ready";

// Printing (issue 17): the radiographer prints the acquisition prescription from the request
// page. On paper there is no header, navigation or button, only the prescription: identity,
// site, indication and question, the safety items, the validated protocol and who validated
// it; and it holds on one A4 page. The report's own button prints the report instead: the
// patient it is about, then the signed text, without the prescription or the page around it.

/** The browser's print dialog cannot be driven: the page's call to it is counted instead. */
async function countPrintDialogs(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counted = window as unknown as { printDialogs: number };
    counted.printDialogs = 0;
    window.print = () => {
      counted.printDialogs += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { printDialogs: number }).printDialogs);
}

test("the request page prints the radiographer's prescription on one A4 page, without the navigation", async ({ browser }) => {
  test.slow();
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const familyName = `Imprime${Date.now().toString(36)}`;
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });
  await referrer.context().close();

  // The radiologist validates the indication and writes the protocol: the prescription.
  const radiologist = await signedInPage(browser, accounts.radiologistSalVrn);
  await radiologist.goto(`/requests/${requestId}`);
  await waitUntilLive(radiologist);
  await radiologist.getByRole("button", { name: "Prendre" }).click();
  await expect(radiologist.getByTestId("holder")).toHaveText(accounts.radiologistSalVrn.name);
  const decision = radiologist.getByTestId("indication-form");
  await decision.getByLabel("Valider l'indication").check();
  await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
  const protocol = radiologist.getByTestId("protocol-form");
  await protocol.getByLabel("Précisions / protocole rédigé").fill("TDM cérébrale sans injection, coupes de 1 mm");
  await protocol.getByRole("button", { name: "Transmettre le protocole" }).click();
  await expect(radiologist.getByTestId("status")).toHaveText("Protocole transmis");
  await radiologist.context().close();

  const radiographer = await signedInPage(browser, accounts.radiographerSal);
  await radiographer.goto(`/requests/${requestId}`);
  await waitUntilLive(radiographer);
  const printButton = radiographer.getByRole("button", { name: "Imprimer la prescription" });
  await expect(printButton).toBeVisible();
  const sheet = radiographer.getByTestId("prescription-sheet");
  // On screen the page is the page, with its navigation; the sheet is for paper only.
  await expect(sheet).toBeHidden();
  await expect(radiographer.getByRole("navigation").first()).toBeVisible();

  await shootWhenAsked(radiographer, "print-request-screen");
  // The button opens the browser's print dialog; Ctrl+P prints the same sheet.
  const printDialogs = await countPrintDialogs(radiographer);
  await printButton.click();
  expect(await printDialogs()).toBe(1);
  await radiographer.emulateMedia({ media: "print" });
  await shootWhenAsked(radiographer, "print-request-paper");
  await expect(radiographer.getByTestId("current-user")).toBeHidden();
  await expect(radiographer.getByRole("navigation")).toHaveCount(0);
  await expect(radiographer.getByTestId("live-status")).toBeHidden();
  await expect(printButton).toBeHidden();
  await expect(radiographer.getByTestId("workflow-panel")).toBeHidden();
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("heading", { name: "Prescription d'acquisition" })).toBeVisible();
  await expect(sheet.getByTestId("sheet-patient")).toHaveText(`${familyName.toUpperCase()} Jeanne`);
  await expect(sheet.getByTestId("sheet-site")).toHaveText("CH de Saint-Aubin-sur-Loire");
  await expect(sheet.getByTestId("sheet-question")).toHaveText("AVC ischémique ? Thrombose ?");
  await expect(sheet).toContainText("Hémiplégie droite et aphasie depuis 30 minutes.");
  await expect(sheet.getByTestId("sheet-safety")).toContainText("Fonction rénale");
  await expect(sheet.getByTestId("sheet-safety")).toContainText("Allergie");
  await expect(sheet.getByTestId("sheet-safety")).toContainText("Grossesse");
  await expect(sheet.getByTestId("sheet-protocol")).toContainText("TDM cérébrale sans injection, coupes de 1 mm");
  await expect(sheet.getByTestId("sheet-validated-by")).toContainText(`Validé par ${accounts.radiologistSalVrn.name}`);
  await expect(sheet.getByTestId("sheet-accession")).toHaveText(/^TR\d{8}$/);
  await expect(sheet).toContainText("Urgent");

  // Printed for real (Chromium's PDF): one A4 page.
  const pdf = await radiographer.pdf({ preferCSSPageSize: true, printBackground: true });
  const document = await PDFDocument.load(pdf);
  expect(document.getPageCount()).toBe(1);
  const [width, height] = [document.getPage(0).getWidth(), document.getPage(0).getHeight()];
  // A4 is 595 x 842 points.
  expect(Math.round(width)).toBe(595);
  expect(Math.round(height)).toBe(842);
});

test("the report's button prints the signed report with its patient, not the prescription nor the page around it", async ({ browser }) => {
  test.slow();
  const { requestId, familyName, referrer, radiologist } = await requestReadyToRead(browser, "ImpCr");
  await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
  const editor = radiologist.getByTestId("report-editor");
  await expect(editor).toBeVisible();
  await editor.locator("#report-field-indication").selectOption("AVC");
  await editor.locator("#report-field-hemorrhage").selectOption("no");
  await editor.locator("#report-field-findings").fill("Hypodensité capsulo-lenticulaire gauche.");
  await editor.locator("#report-field-conclusion").fill("AVC ischémique sylvien gauche récent.");
  await editor.locator("#report-field-reg_dose").fill("812");
  await expect(radiologist.getByTestId("missing-fields")).toHaveCount(0);
  await expect(radiologist.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const sign = radiologist.getByTestId("sign-form");
  await sign.getByLabel("Mot de passe (signature)").fill(accounts.radiologistSalVrn.password);
  await sign.getByRole("button", { name: "Signer le compte rendu" }).click();
  await expect(radiologist.getByTestId("status")).toHaveText("Compte rendu transmis");
  await radiologist.context().close();

  // The requester, on the request page, has the report and its button.
  await expect(referrer.getByTestId("report-conclusion").first()).toHaveText("AVC ischémique sylvien gauche récent.");
  expect(referrer.url()).toContain(requestId);
  const printDialogs = await countPrintDialogs(referrer);
  const printButton = referrer.getByRole("button", { name: "Imprimer le compte rendu" });
  await printButton.click();
  expect(await printDialogs()).toBe(1);

  await referrer.emulateMedia({ media: "print" });
  await shootWhenAsked(referrer, "print-report-paper");
  const head = referrer.getByTestId("report-print-head");
  await expect(head).toBeVisible();
  await expect(head.getByRole("heading", { name: "Compte rendu" })).toBeVisible();
  await expect(head.getByTestId("sheet-patient")).toHaveText(`${familyName.toUpperCase()} Jeanne`);
  await expect(head.getByTestId("sheet-accession")).toHaveText(/^TR\d{8}$/);
  await expect(referrer.getByTestId("report-conclusion").first()).toBeVisible();
  await expect(referrer.getByTestId("report-signature").first()).toContainText(`Signé par ${accounts.radiologistSalVrn.name}`);
  await expect(referrer.getByTestId("prescription-sheet")).toBeHidden();
  await expect(referrer.getByTestId("workflow-panel")).toBeHidden();
  await expect(referrer.getByTestId("timeline")).toBeHidden();
  await expect(referrer.getByRole("navigation")).toHaveCount(0);
  await expect(printButton).toBeHidden();
  await expect(referrer.getByRole("button", { name: "J'ai lu le compte rendu" })).toBeHidden();

  // On paper (Chromium's PDF): the patient and the conclusion; no prescription, no screen words.
  const text = (await pdfText(await referrer.pdf({ preferCSSPageSize: true }))).replace(/\s+/g, " ");
  expect(text).toContain(familyName.toUpperCase());
  expect(text).toContain("AVC ischémique sylvien gauche récent.");
  expect(text).not.toContain("Prescription d'acquisition");
  expect(text).not.toContain("Imprimer");
  expect(text).not.toContain("Se déconnecter");
});
