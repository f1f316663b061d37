import { readFileSync } from "node:fs";
import { parseCda } from "../lib/testing/cda/cda-xpath";
import { pdfText } from "../lib/testing/pdf-text";
import { accounts } from "./demo-accounts";
import { shootWhenAsked } from "./pages";
import { requestReadyToRead } from "./reading-ready";
import { expect, test, type Page } from "./test";

// Issue 17, defect 8: the signed report of an injected stroke angio-CT, as the requester reads
// it on the request page and in the PDF: the exam's title once and worded "injected", the
// conclusion once, and the contrast agent given in the regulatory block.

const CONCLUSION = "Occlusion de l'artère cérébrale moyenne gauche (M1), ASPECTS 9, bonne collatéralité : thrombectomie à discuter.";
const CONTRAST_LINE = "Produit de contraste : Iomeron 350, 70 mL, voie intraveineuse";

const occurrences = (text: string, part: string) => text.split(part).length - 1;

async function sign(page: Page, password: string): Promise<void> {
  const form = page.getByTestId("sign-form");
  await form.getByLabel("Mot de passe (signature)").fill(password);
  await form.getByRole("button", { name: "Signer le compte rendu" }).click();
}

test("the signed report of an injected stroke angio-CT shows its title and conclusion once, and the contrast agent given", async ({ browser }) => {
  test.setTimeout(180_000);
  const { referrer, radiologist } = await requestReadyToRead(browser, "Cta", { injected: true });

  await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
  const editor = radiologist.getByTestId("report-editor");
  // The protocol decided an injection: the stroke angio-CT is suggested, and the regulatory block asks for the agent.
  await expect(editor).toContainText("Angioscanner cérébral et des TSA — AVC");
  await expect(editor.locator("#report-field-reg_procedure")).toHaveValue(/avec injection de produit de contraste/);
  await editor.locator("#report-field-noncontrast_phase").selectOption("yes");
  await editor.locator("#report-field-opacification").selectOption("Bonne");
  await editor.locator("#report-field-perfusion_done").selectOption("no");
  await editor.locator("#report-field-hemorrhage").selectOption("no");
  await editor.locator("#report-field-aspects").fill("9");
  await editor.locator("#report-field-occlusion").selectOption("yes");
  await editor.locator("#report-field-occlusion_site").selectOption("Cérébrale moyenne M1");
  await editor.locator("#report-field-occlusion_side").selectOption("Gauche");
  await editor.locator("#report-field-collaterals").selectOption("Bonne (> 50 %)");
  await editor.locator("#report-field-conclusion").fill(CONCLUSION);
  await editor.locator("#report-field-reg_dose").fill("1210");
  await expect(radiologist.getByTestId("missing-fields")).toContainText("Produit de contraste administré");
  await editor.locator("#report-field-reg_contrast_product").fill("Iomeron 350");
  await editor.locator("#report-field-reg_contrast_volume").fill("70");
  await expect(editor.locator("#report-field-reg_contrast_route")).toHaveValue("Intraveineuse");
  await expect(radiologist.getByTestId("missing-fields")).toHaveCount(0);
  await expect(radiologist.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await sign(radiologist, accounts.radiologistSalVrn.password);
  await expect(radiologist.getByTestId("status")).toHaveText("Compte rendu transmis");

  // The request page: the exam's title once under the panel's heading, the conclusion once, the agent given.
  const version = referrer.getByTestId("report-version").first();
  await expect(version.getByTestId("report-version-title")).toHaveText("Angioscanner cérébral et des TSA — AVC");
  await expect(version.getByTestId("report-conclusion")).toHaveText(CONCLUSION);
  await expect(version.getByTestId("report-narrative")).toContainText(CONTRAST_LINE);
  await expect(version.getByTestId("report-narrative")).toContainText("Site de l'occlusion : Cérébrale moyenne M1");
  await expect(version.getByTestId("report-statement")).toContainText("Acte réalisé par téléradiologie");
  await shootWhenAsked(referrer, "report-document-signed");
  const pageText = (await version.textContent()) ?? "";
  expect(occurrences(pageText, CONCLUSION)).toBe(1);
  expect(occurrences(pageText, "Compte rendu")).toBe(0);

  // The PDF the requester downloads says the same.
  const [file] = await Promise.all([referrer.waitForEvent("download"), version.getByTestId("report-pdf").click()]);
  const text = (await pdfText(readFileSync((await file.path())!))).replace(/\s+/g, " ");
  expect(occurrences(text, CONCLUSION)).toBe(1);
  expect(occurrences(text, "Angioscanner cérébral et des TSA — AVC")).toBe(1);
  // "sans injection" may appear as the stroke template's own field (the non-contrast phase
  // before the angiography); no exam title or procedure line may say the act was not injected.
  expect(text).not.toMatch(/(Scanner|Angioscanner)[^:]*sans injection —/);
  expect(text).toContain("avec injection de produit de contraste");
  expect(text).toContain(CONTRAST_LINE);
  expect(text).toContain("Produit dose·longueur (PDL) : 1210 mGy·cm");

  // Issue 19: the CDA R2 document for the patient's shared record (DMP), next to the PDF.
  const cdaLink = version.getByTestId("report-cda");
  await expect(cdaLink).toHaveText("Document CDA (DMP)");
  await cdaLink.scrollIntoViewIfNeeded();
  await shootWhenAsked(referrer, "report-cda-link");
  const [cdaFile] = await Promise.all([referrer.waitForEvent("download"), cdaLink.click()]);
  expect(cdaFile.suggestedFilename()).toMatch(/^CR-.+-v0\.xml$/);
  const cda = parseCda(readFileSync((await cdaFile.path())!, "utf8"));
  expect(cda.values("/cda:ClinicalDocument/cda:code/@code")).toEqual(["18748-4"]);
  expect(cda.values("//cda:legalAuthenticator/cda:signatureCode/@code")).toEqual(["S"]);
  expect(cda.count("//cda:inFulfillmentOf/cda:order/ps3-20:accessionNumber")).toBe(1);
  const sections = cda.values("//cda:section/cda:text").join(" ");
  expect(sections).toContain(CONCLUSION);
  expect(sections).toContain("Produit dose·longueur (PDL) : 1210 mGy·cm");
});
