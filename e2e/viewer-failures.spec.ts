import { readFileSync } from "node:fs";
import dicomParser from "dicom-parser";
import { expect, test, type Browser, type Locator, type Page } from "./test";
import { ctHeadSeries, type SyntheticInstance } from "../lib/dicom/synthetic";
import { pydicomFile } from "../lib/testing/corpus/public-dicom-files";
import { accounts } from "./demo-accounts";
import { asNewSeries, realWorldFile, toJpeg2000, truncateCodestream } from "./failing-series";
import { shootWhenAsked, signedInPage, submitTeleDiagnostic } from "./pages";
import { stowInstances } from "./stow";

// The viewer never shows the wrong image. One request holds a valid CT (series 2, as generated), the same
// slices in JPEG 2000 with every codestream cut short (series 20), the same in JPEG 2000 with
// only the 5th image cut (series 30), and a real-world RGB secondary capture with Modality OT
// (pydicom's SC_rgb_rle.dcm, series 40). Files are made at test time with GDCM and DCMTK.

const SLICES = 10;

interface FailingStudy {
  requestId: string;
  familyName: string;
  ct: SyntheticInstance[];
  broken: SyntheticInstance[];
  midStack: SyntheticInstance[];
  colour: SyntheticInstance;
  /** pydicom's test-SR.dcm and waveform_ecg.dcm, moved into the study: documents, not images. */
  report: SyntheticInstance;
  ecg: SyntheticInstance;
  reader: Page;
}

/** Head first, as the viewer orders an axial stack: the largest z of Image Position (Patient) first. */
function readingOrder(instances: readonly SyntheticInstance[]): SyntheticInstance[] {
  const z = (instance: SyntheticInstance) => Number(dicomParser.parseDicom(instance.bytes).string("x00200032")?.split("\\")[2]);
  return [...instances].sort((a, b) => z(b) - z(a));
}

async function failingStudy(browser: Browser): Promise<FailingStudy> {
  const familyName = `Panne${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });
  const accession = (await referrer.getByTestId("accession-number").textContent())?.trim() ?? "";
  const patient = { familyName: familyName.toUpperCase(), givenName: "JEANNE", birthDate: "19480714", sex: "F" as const, patientId: `IPP-${familyName}` };
  const ct = readingOrder([...ctHeadSeries({ seed: `e2e-failures-${requestId}`, patient, accessionNumber: accession, slices: SLICES, size: 128 })]);
  const broken = toJpeg2000(asNewSeries(ct, { number: 20, description: "J2K TRONQUE" })).map((instance) => truncateCodestream(instance));
  const midStack = toJpeg2000(asNewSeries(ct, { number: 30, description: "J2K IMAGE 5 CORROMPUE" })).map((instance, i) => (i === 4 ? truncateCodestream(instance) : instance));
  const colour = realWorldFile(
    pydicomFile("test_files/SC_rgb_rle.dcm"),
    { studyInstanceUid: ct[0]!.studyInstanceUid, accessionNumber: accession, patientName: `${patient.familyName}^JEANNE`, patientId: patient.patientId, birthDate: patient.birthDate, sex: patient.sex },
    { number: 40, description: "CAPTURE COULEUR", modality: "OT" },
  );
  const target = { studyInstanceUid: ct[0]!.studyInstanceUid, accessionNumber: accession, patientName: `${patient.familyName}^JEANNE`, patientId: patient.patientId, birthDate: patient.birthDate, sex: patient.sex };
  const report = realWorldFile(pydicomFile("test_files/test-SR.dcm"), target, { number: 50, description: "COMPTE RENDU SR", modality: "SR" });
  const ecg = realWorldFile(pydicomFile("test_files/waveform_ecg.dcm"), target, { number: 60, description: "ECG 12 DERIVATIONS", modality: "ECG" });
  await stowInstances(referrer, [...ct, ...broken, ...midStack, colour, report, ecg]);
  await referrer.context().close();

  const reader = await signedInPage(browser, accounts.radiologistAllSites);
  await reader.goto(`/requests/${requestId}`);
  await reader.getByRole("button", { name: "Prendre" }).click();
  await expect(reader.getByTestId("holder")).toHaveText(accounts.radiologistAllSites.name);
  return { requestId, familyName, ct, broken, midStack, colour, report, ecg, reader };
}

function stack(page: Page): Locator {
  return page.locator('[data-viewport="stack-0"]');
}

async function openViewer(page: Page, requestId: string): Promise<Locator> {
  await page.goto(`/requests/${requestId}/viewer`);
  const cell = stack(page);
  // The first opening compiles the viewer's code (megabytes of JavaScript) on a shared machine.
  await expect(cell).toHaveAttribute("data-renders", /^[1-9]\d*$/, { timeout: 30_000 });
  return cell;
}

function thumbnail(page: Page, seriesUid: string): Locator {
  return page.locator(`[data-testid="series-thumbnail"][data-series-uid="${seriesUid}"]`);
}

/** What the viewport's canvas holds: distinct grey levels (red channel) over a sample of pixels, and a fingerprint. */
async function canvasStats(cell: Locator): Promise<{ distinct: number; fingerprint: string; colourful: boolean }> {
  return cell.locator("canvas").first().evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext("2d");
    if (!context) return { distinct: 0, fingerprint: "", colourful: false };
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const levels = new Set<number>();
    let hash = 0;
    let colourful = false;
    for (let i = 0; i < data.length; i += 4 * 7) {
      levels.add(data[i]!);
      hash = (hash * 31 + data[i]!) >>> 0;
      if (Math.abs(data[i]! - data[i + 1]!) > 16 || Math.abs(data[i + 1]! - data[i + 2]!) > 16) colourful = true;
    }
    return { distinct: levels.size, fingerprint: `${levels.size}:${hash}`, colourful };
  });
}

test("switching from a valid CT to a series that does not decode clears the viewport and says which series failed", async ({ browser }) => {
  test.slow();
  const { requestId, familyName, ct, broken, reader: page } = await failingStudy(browser);
  const cell = await openViewer(page, requestId);
  await expect(cell).toHaveAttribute("data-series-uid", ct[0]!.seriesInstanceUid);
  await expect(cell.getByTestId("overlay-top-left")).toContainText(familyName.toUpperCase());
  const ctPixels = await canvasStats(cell);
  expect(ctPixels.distinct).toBeGreaterThan(8);

  await thumbnail(page, broken[0]!.seriesInstanceUid).click();
  const error = cell.getByTestId("viewport-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText("Image non affichée");
  await expect(error).toContainText("S20 · CT · J2K TRONQUE");
  await expect(error).toContainText(`Image 1/${SLICES}`);
  await expect(error).toContainText("image compressée incomplète : flux tronqué");
  // Not one pixel of the CT is left, and no overlay names an image that is not on screen.
  const after = await canvasStats(cell);
  expect(after.distinct).toBeLessThanOrEqual(1);
  expect(after.fingerprint).not.toBe(ctPixels.fingerprint);
  await expect(cell.getByTestId("overlay-top-left")).toHaveText("");
  await expect(cell.getByTestId("orientation-left")).toHaveText("");
  await shootWhenAsked(page, "viewport-error");

  // Back to the CT: the error goes, the CT's pixels and its overlay come back together.
  await thumbnail(page, ct[0]!.seriesInstanceUid).click();
  await expect(error).toBeHidden();
  await expect(cell).toHaveAttribute("data-display", "shown");
  await expect(cell.getByTestId("overlay-top-left")).toContainText(familyName.toUpperCase());
  await expect.poll(async () => (await canvasStats(cell)).distinct).toBeGreaterThan(8);
});

test("an image that fails mid-stack clears the viewport on that image only; scrolling back shows the one before", async ({ browser }) => {
  test.slow();
  const { requestId, midStack, reader: page } = await failingStudy(browser);
  const cell = await openViewer(page, requestId);
  await thumbnail(page, midStack[0]!.seriesInstanceUid).click();
  await expect(cell).toHaveAttribute("data-series-uid", midStack[0]!.seriesInstanceUid);
  await expect(cell).toHaveAttribute("data-display", "shown");
  await expect(cell.getByTestId("overlay-bottom-left")).toContainText(`Coupe 1/${SLICES}`);

  for (const index of [1, 2, 3]) {
    await page.keyboard.press("ArrowDown");
    await expect(cell).toHaveAttribute("data-image-index", String(index));
  }
  const fourth = await canvasStats(cell);
  expect(fourth.distinct).toBeGreaterThan(8);
  await page.keyboard.press("ArrowDown");
  const error = cell.getByTestId("viewport-error");
  await expect(error).toContainText(`Image 5/${SLICES}`);
  await expect(error).toContainText("S30 · CT · J2K IMAGE 5 CORROMPUE");
  await expect(error).toContainText("flux tronqué");
  expect((await canvasStats(cell)).distinct).toBeLessThanOrEqual(1);
  await expect(cell.getByTestId("overlay-bottom-left")).toHaveText("");

  await page.keyboard.press("ArrowUp");
  await expect(error).toBeHidden();
  await expect(cell).toHaveAttribute("data-image-index", "3");
  await expect(cell.getByTestId("overlay-bottom-left")).toContainText(`Coupe 4/${SLICES}`);
  await expect.poll(async () => (await canvasStats(cell)).fingerprint).toBe(fourth.fingerprint);
});

test("a frame answering 404 clears the viewport with the HTTP status; retry shows it once the server answers", async ({ browser }) => {
  test.slow();
  const { requestId, ct, reader: page } = await failingStudy(browser);
  // The third image's frame answers 404 (the server is real; only this answer is replaced).
  const missing = `**/instances/${ct[2]!.sopInstanceUid}/frames/1`;
  await page.route(missing, (route) => route.fulfill({ status: 404, contentType: "application/json", body: '{"error":"not found"}' }));
  const cell = await openViewer(page, requestId);
  await page.keyboard.press("ArrowDown");
  await expect(cell).toHaveAttribute("data-image-index", "1");
  await page.keyboard.press("ArrowDown");
  const error = cell.getByTestId("viewport-error");
  await expect(error).toContainText(`Image 3/${SLICES}`);
  await expect(error).toContainText("HTTP 404");
  expect((await canvasStats(cell)).distinct).toBeLessThanOrEqual(1);

  await page.unroute(missing);
  await cell.getByTestId("viewport-retry").click();
  await expect(error).toBeHidden();
  await expect(cell).toHaveAttribute("data-image-index", "2");
  await expect(cell.getByTestId("overlay-bottom-left")).toContainText(`Coupe 3/${SLICES}`);
  await expect.poll(async () => (await canvasStats(cell)).distinct).toBeGreaterThan(8);
});

test("a colour secondary capture with Modality OT is listed and renders, without orientation markers", async ({ browser }) => {
  test.slow();
  const { requestId, colour, reader: page } = await failingStudy(browser);
  const cell = await openViewer(page, requestId);
  const entry = thumbnail(page, colour.seriesInstanceUid);
  await expect(entry).toContainText("CAPTURE COULEUR");
  await expect(entry).toContainText("OT");
  await entry.click();
  await expect(cell).toHaveAttribute("data-series-uid", colour.seriesInstanceUid);
  await expect(cell).toHaveAttribute("data-display", "shown");
  await expect.poll(async () => (await canvasStats(cell)).colourful).toBe(true);
  expect((await canvasStats(cell)).distinct).toBeGreaterThan(8);
  await expect(cell.getByTestId("viewport-error")).toBeHidden();
  // A secondary capture says nothing of where the patient is: no letters on its edges.
  for (const edge of ["left", "right", "top", "bottom"]) await expect(cell.getByTestId(`orientation-${edge}`)).toHaveText("");
  await shootWhenAsked(page, "colour-ot");
});

// Needs ingest to record what each instance holds (DicomInstance.content, filled by the ingest
// branch): before that, every instance counts as an image.
test("a structured report and an ECG are listed as documents, never hung as images: the report reads as text, the ECG downloads as DICOM", async ({ browser }) => {
  test.slow();
  const { requestId, report, ecg, reader: page } = await failingStudy(browser);
  await openViewer(page, requestId);
  await expect(thumbnail(page, report.seriesInstanceUid)).toHaveCount(0);
  await expect(thumbnail(page, ecg.seriesInstanceUid)).toHaveCount(0);
  const documents = page.getByTestId("documents-panel");
  const srEntry = documents.locator(`[data-series-uid="${report.seriesInstanceUid}"]`);
  await expect(srEntry).toContainText("Compte rendu structuré");
  await expect(documents.locator(`[data-series-uid="${ecg.seriesInstanceUid}"]`)).toContainText("Tracé (ECG…)");

  await srEntry.getByTestId("open-document").click();
  const text = page.getByTestId("sr-text");
  await expect(text).toContainText("Diagnosis");
  await expect(text).toContainText("Diameter : 3 Length Unit");
  await shootWhenAsked(page, "sr-text");
  await page.getByTestId("close-document").click();

  await documents.locator(`[data-series-uid="${ecg.seriesInstanceUid}"]`).getByTestId("open-document").click();
  await shootWhenAsked(page, "document-list");
  const download = page.waitForEvent("download");
  await page.getByTestId("download-document").first().click();
  const file = readFileSync(await (await download).path());
  expect(file.subarray(128, 132).toString("latin1")).toBe("DICM");
});
