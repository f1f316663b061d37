import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "./test";
import { pdfText } from "../lib/testing/pdf-text";
import { accounts } from "./demo-accounts";
import { requestReadyToRead } from "./reading-ready";

// Reporting end to end on the production build: the holder writes the structured report with
// a measurement from the viewer, signs it with their password, and the requester receives it
// live, opens it, acknowledges it and downloads the PDF; a signed addendum joins the history.

/** Draws a length across the middle of the first viewport and sends it to the report. */
async function measureInViewer(page: Page, requestId: string): Promise<void> {
  await page.getByTestId("open-viewer").click();
  await page.waitForURL(`**/requests/${requestId}/viewer`);
  const stack = page.locator('[data-viewport="stack-0"]');
  await expect(stack).toHaveAttribute("data-renders", /^[1-9]\d*$/, { timeout: 30_000 });
  await page.getByTestId("tool-length").click();
  const box = (await stack.locator(".viewer-element").boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.up();
  const measurement = page.getByTestId("measurement").first();
  await expect(measurement.getByTestId("measurement-text")).toHaveText(/^Longueur : \d+,\d mm$/);
  await measurement.getByTestId("send-to-report").click();
  await expect(measurement.getByTestId("send-to-report")).toHaveText("Envoyée au compte rendu");
}

/**
 * The measurement the report received, as its editor lists it. Read there rather than in the
 * viewer: the viewer's text may still change between the end of the drag and the click that
 * sends it, and what counts is the text sent.
 */
async function receivedMeasurement(editor: Locator): Promise<string> {
  const item = editor.getByTestId("report-measurements").locator("li").first();
  await expect(item).toHaveText(/^Longueur : \d+,\d mm/);
  return /^Longueur : \d+,\d mm/.exec((await item.textContent()) ?? "")![0];
}

async function sign(page: Page, password: string): Promise<void> {
  const form = page.getByTestId("sign-form");
  await form.getByLabel("Mot de passe (signature)").fill(password);
  await form.getByRole("button", { name: "Signer le compte rendu" }).click();
}

test("a structured report with a viewer measurement is signed with re-authentication, delivered live, acknowledged, corrected by an addendum, and printed with its fingerprint", async ({ browser }) => {
  test.setTimeout(240_000);
  const { requestId, referrer, radiologist } = await requestReadyToRead(browser, "Cr");

  await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
  await expect(radiologist.getByTestId("status")).toHaveText("En lecture");
  await expect(referrer.getByTestId("status")).toHaveText("En lecture");
  const editor = radiologist.getByTestId("report-editor");
  await expect(editor).toContainText("Scanner cérébral sans injection");
  // Prefilled from the request and the images; the dose is not in these images' headers.
  await expect(editor.locator("#report-field-reg_procedure")).toHaveValue(/TDM cérébrale sans injection/);
  await expect(editor.locator("#report-field-reg_equipment")).not.toHaveValue("");

  await measureInViewer(radiologist, requestId);
  await radiologist.goto(`/requests/${requestId}`);
  const measured = await receivedMeasurement(editor);
  await editor.locator("#report-field-indication").selectOption("AVC");
  await editor.locator("#report-field-hemorrhage").selectOption("no");
  await editor.locator("#report-field-findings").fill("Pas de lésion hémorragique. Hypodensité capsulo-lenticulaire gauche.");
  await editor.getByRole("button", { name: "Insérer" }).click();
  await expect(editor.locator("#report-field-findings")).toHaveValue(new RegExp(`capsulo-lenticulaire gauche\\.\\n${measured.replace(/[()]/g, "\\$&")}$`));
  await editor.locator("#report-field-conclusion").fill("AVC ischémique sylvien gauche récent, sans transformation hémorragique.");
  // What is still missing is listed before signing.
  await expect(radiologist.getByTestId("missing-fields")).toContainText("Produit dose·longueur (PDL)");
  await editor.locator("#report-field-reg_dose").fill("812");
  await expect(radiologist.getByTestId("missing-fields")).toHaveCount(0);
  await expect(radiologist.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  await sign(radiologist, "pas-mon-mot-de-passe");
  await expect(radiologist.getByTestId("sign-error")).toHaveText("Mot de passe incorrect : la signature n'a pas été faite.");
  await sign(radiologist, accounts.radiologistSalVrn.password);
  await expect(radiologist.getByTestId("status")).toHaveText("Compte rendu transmis");
  const fingerprint = ((await radiologist.getByTestId("report-fingerprint").first().textContent()) ?? "").trim();
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);

  // The requester, on the same page all along, receives it live.
  await expect(referrer.getByTestId("report-conclusion").first()).toHaveText("AVC ischémique sylvien gauche récent, sans transformation hémorragique.");
  await expect(referrer.getByTestId("report-narrative").first()).toContainText(measured);
  await expect(referrer.getByTestId("report-statement").first()).toContainText("téléradiologie");
  await expect(referrer.getByTestId("notification-unread-count")).not.toHaveText("");
  await referrer.getByRole("button", { name: "J'ai lu le compte rendu" }).click();
  await expect(referrer.getByTestId("status")).toHaveText("Lu par le demandeur");
  await expect(radiologist.getByTestId("status")).toHaveText("Lu par le demandeur");
  await expect(radiologist.getByTestId("report-delivery").first()).toContainText(accounts.referrerSal.name);

  // The PDF: downloaded by the requester, with the fingerprint in its text, identical twice.
  const download = async () => {
    const [file] = await Promise.all([referrer.waitForEvent("download"), referrer.getByTestId("report-pdf").first().click()]);
    return readFileSync((await file.path())!);
  };
  const pdf = await download();
  expect((await pdfText(pdf)).replace(/\s+/g, " ")).toContain(fingerprint);
  expect((await download()).equals(pdf)).toBe(true);

  // A correction after signing is an addendum, signed the same way, in the history with its diff.
  await radiologist.getByRole("button", { name: "Rédiger un addendum" }).click();
  const addendum = radiologist.getByTestId("report-editor");
  await expect(addendum).toHaveAttribute("data-draft-kind", "ADDENDUM");
  await addendum.locator("#report-field-addendum_note").fill("Nodule pulmonaire apical droit de 6 mm visible sur les coupes basses.");
  await expect(radiologist.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await sign(radiologist, accounts.radiologistSalVrn.password);
  await expect(radiologist.locator('[data-testid="report-version"][data-kind="ADDENDUM"]')).toBeVisible();
  await expect(referrer.locator('[data-testid="report-version"][data-kind="ADDENDUM"]')).toContainText("Nodule pulmonaire apical droit");
  await expect(referrer.getByTestId("diff-added").first()).toBeVisible();
  await referrer.getByRole("button", { name: "J'ai lu l'addendum" }).click();
  await expect(referrer.getByRole("button", { name: "J'ai lu l'addendum" })).toHaveCount(0);
  await expect(radiologist.getByTestId("timeline")).toContainText("Lecture de l'addendum confirmée");
});
