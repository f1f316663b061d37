import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test, type Page } from "./test";
import { ctHeadSeries } from "../lib/dicom/synthetic";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic } from "./pages";

const DICOMWEB_CLIENT = path.resolve("node_modules/dicomweb-client/build/dicomweb-client.js");

// The part of dicomweb-client's API these tests call (its UMD build sets window.DICOMwebClient).
type DicomJson = Record<string, { Value?: any[]; BulkDataURI?: string }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- DICOM JSON values are of every type
interface DicomwebClient {
  storeInstances(options: { datasets: ArrayBuffer[] }): Promise<unknown>;
  searchForStudies(options: { queryParams: Record<string, string> }): Promise<DicomJson[]>;
  searchForSeries(options: { studyInstanceUID: string }): Promise<DicomJson[]>;
  searchForInstances(options: { studyInstanceUID: string; seriesInstanceUID: string; queryParams: Record<string, string> }): Promise<DicomJson[]>;
  retrieveSeriesMetadata(options: { studyInstanceUID: string; seriesInstanceUID: string }): Promise<DicomJson[]>;
  retrieveInstanceFrames(options: Record<string, unknown>): Promise<ArrayBuffer[]>;
  retrieveInstance(options: Record<string, unknown>): Promise<ArrayBuffer>;
}
type WithClient = Window & { DICOMwebClient: { api: { DICOMwebClient: new (options: { url: string }) => DicomwebClient } } };

function studyFor(familyName: string, accessionNumber: string, seed: string, slices = 3) {
  return [...ctHeadSeries({ seed, patient: { familyName: familyName.toUpperCase(), givenName: "JEANNE", birthDate: "19480714", sex: "F", patientId: `IPP-${familyName}` }, accessionNumber, slices, size: 64 })];
}

test("a radiographer uploads a study on the request page: it links by accession, resumes without resending, skips non-DICOM files", async ({ browser }) => {
  test.slow();
  const familyName = `Img${Date.now().toString(36)}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });

  const radiographer = await signedInPage(browser, accounts.radiographerSal);
  await radiographer.goto(`/requests/${requestId}`);
  const accession = (await radiographer.getByTestId("accession-number").textContent())?.trim() ?? "";
  expect(accession).toMatch(/^TR\d{8}$/);

  const instances = studyFor(familyName, accession, `e2e-upload-${familyName}`);
  const files = [
    ...instances.map((i) => ({ name: i.fileName, mimeType: "application/dicom", buffer: Buffer.from(i.bytes) })),
    { name: "LISEZMOI.txt", mimeType: "text/plain", buffer: Buffer.from("Export du CD patient") },
  ];
  await radiographer.getByTestId("upload-files").setInputFiles(files);
  const study = radiographer.getByTestId("upload-study");
  await expect(study).toHaveAttribute("data-state", "done");
  await expect(study.getByTestId("upload-study-summary")).toHaveText(`${instances.length} envoyée(s), 0 déjà présente(s), 0 refusée(s) sur ${instances.length}`);
  await expect(radiographer.getByTestId("upload-skipped")).toContainText("LISEZMOI.txt — pas un fichier DICOM");

  // Linked by its accession number, and the timeline says so (live, no reload).
  const card = radiographer.getByTestId("study-card").filter({ has: radiographer.getByTestId("study-instances") }).first();
  await expect(card).toHaveAttribute("data-link-state", "LINKED");
  await expect(card.getByTestId("study-instances")).toContainText(`${instances.length} image(s)`);
  await expect(radiographer.getByTestId("timeline")).toContainText("Examen d'images rattaché");
  await expect(referrer.getByTestId("timeline")).toContainText("Examen d'images rattaché");

  // Sent again (a broken connection, a second try): nothing is sent twice.
  await radiographer.getByTestId("upload-files").setInputFiles(files);
  await expect(study).toHaveAttribute("data-state", "done");
  await expect(study.getByTestId("upload-study-summary")).toHaveText(`0 envoyée(s), ${instances.length} déjà présente(s), 0 refusée(s) sur ${instances.length}`);

  // The radiographer says the acquisition is complete.
  await card.getByRole("button", { name: "Acquisition terminée" }).click();
  await expect(card.getByTestId("study-complete")).toBeVisible();
});

/** Loads the npm dicomweb-client (UMD build) into the page: a standard client, same-origin cookie auth. */
async function withDicomwebClient(page: Page): Promise<void> {
  await page.addScriptTag({ path: DICOMWEB_CLIENT });
}

test("a standard DICOMweb client stores, searches and retrieves through the server; only who may view retrieves; other sites see nothing", async ({ browser }) => {
  test.slow();
  const familyName = `Web${Date.now().toString(36)}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "VITAL" });
  await referrer.goto(`/requests/${requestId}`);
  const accession = (await referrer.getByTestId("accession-number").textContent())?.trim() ?? "";
  const instances = studyFor(familyName, accession, `e2e-web-${randomBytes(4).toString("hex")}`, 2);
  const studyUid = instances[0]!.studyInstanceUid;

  // STOW-RS from the referrer's page (a disc brought by the patient).
  await withDicomwebClient(referrer);
  const stored = await referrer.evaluate(
    async ({ files }) => {
      const client = new (window as unknown as WithClient).DICOMwebClient.api.DICOMwebClient({ url: `${location.origin}/dicomweb` });
      const datasets = files.map((b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer);
      const response = await client.storeInstances({ datasets });
      return response;
    },
    { files: instances.map((i) => Buffer.from(i.bytes).toString("base64")) },
  );
  expect(JSON.stringify(stored)).toContain(instances[0]!.sopInstanceUid);

  // The referrer searches the study, but views its images only once the report is signed.
  const early = await referrer.evaluate(
    async ({ studyUid }) => {
      const client = new (window as unknown as WithClient).DICOMwebClient.api.DICOMwebClient({ url: `${location.origin}/dicomweb` });
      const studies = await client.searchForStudies({ queryParams: { StudyInstanceUID: studyUid } });
      const metadata = await fetch(`/dicomweb/studies/${studyUid}/metadata`);
      return { studies: studies.length, metadata: metadata.status, reason: ((await metadata.json()) as { error: string }).error };
    },
    { studyUid },
  );
  expect(early).toMatchObject({ studies: 1, metadata: 403 });
  expect(early.reason).toContain("report is signed");

  // QIDO and WADO from the site's radiographer, who checks the acquisition at any time.
  const radiographer = await signedInPage(browser, accounts.radiographerSal);
  await withDicomwebClient(radiographer);
  const read = await radiographer.evaluate(
    async ({ studyUid }) => {
      const client = new (window as unknown as WithClient).DICOMwebClient.api.DICOMwebClient({ url: `${location.origin}/dicomweb` });
      const studies = await client.searchForStudies({ queryParams: { StudyInstanceUID: studyUid } });
      const series = await client.searchForSeries({ studyInstanceUID: studyUid });
      const seriesUid = series[0]!["0020000E"]!.Value![0];
      const found = await client.searchForInstances({ studyInstanceUID: studyUid, seriesInstanceUID: seriesUid, queryParams: { limit: "1", offset: "1" } });
      const metadata = await client.retrieveSeriesMetadata({ studyInstanceUID: studyUid, seriesInstanceUID: seriesUid });
      const sopUid = metadata[0]!["00080018"]!.Value![0];
      const frames = await client.retrieveInstanceFrames({ studyInstanceUID: studyUid, seriesInstanceUID: seriesUid, sopInstanceUID: sopUid, frameNumbers: [1], mediaTypes: [{ mediaType: "application/octet-stream", transferSyntaxUID: "*" }] });
      const instance = await client.retrieveInstance({ studyInstanceUID: studyUid, seriesInstanceUID: seriesUid, sopInstanceUID: sopUid });
      return {
        studies: studies.length,
        instancesInStudy: studies[0]?.["00201208"]?.Value?.[0],
        paged: found.length,
        metadataCount: metadata.length,
        bulkData: metadata[0]!["7FE00010"]!.BulkDataURI ?? "",
        rows: Number(metadata[0]!["00280010"]!.Value![0]),
        frameBytes: frames[0]!.byteLength,
        instanceBytes: instance.byteLength,
      };
    },
    { studyUid },
  );
  expect(read).toMatchObject({ studies: 1, paged: 1, metadataCount: 2, rows: 64, frameBytes: 64 * 64 * 2 });
  expect(Number(read.instancesInStudy)).toBe(2);
  expect(read.bulkData).toContain("/frames/1");
  expect(read.instanceBytes).toBeGreaterThan(64 * 64 * 2);

  // A referrer of another site: the study does not exist for them.
  const outsider = await signedInPage(browser, accounts.referrerVrn);
  const outside = await outsider.evaluate(async (uid) => {
    const search = await fetch(`/dicomweb/studies?StudyInstanceUID=${uid}`);
    const metadata = await fetch(`/dicomweb/studies/${uid}/metadata`);
    return { search: await search.json(), metadata: metadata.status };
  }, studyUid);
  expect(outside).toEqual({ search: [], metadata: 404 });
});
