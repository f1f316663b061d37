import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "./test";
import { pydicomDataDir } from "../lib/testing/corpus/public-dicom-files";
import { realWorldCorpus, type CorpusEntry } from "../lib/testing/corpus/real-world-corpus";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic, waitUntilLive } from "./pages";

// Every image of the real-world corpus (files written by other toolkits: pydicom's test files,
// DCMTK and GDCM variants, crafted colour, palette, YBR, 1-bit, float, ISO 2022 names…) is
// rendered by the viewer under an overlay naming the file's own patient. Each file becomes a
// study of its own carrying the request's accession number and keeping its own identity, so
// each link waits for a person's confirmation, as a study of another name must.

const images = realWorldCorpus().filter((entry) => entry.expected === "stored" && entry.content === "IMAGE");

interface SentFile {
  entry: CorpusEntry;
  seriesInstanceUid: string;
  /** The overlay's first line, from the name DCMTK reads in the file (an independent decoder). */
  overlayName: string;
}

// pydicom rewrites the files (DCMTK's dcmodify refuses some real files, an odd pixel length):
// the request's accession number and fresh UIDs, everything else (identity included) untouched.
const MOVE_INTO_REQUEST = `
import json, sys
import pydicom
from pydicom.uid import generate_uid
for job in json.load(sys.stdin):
    ds = pydicom.dcmread(job["in"], force=True)
    ds.AccessionNumber = job["accession"]
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = job["series"]
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.save_as(job["out"], enforce_file_format=True)
`;

/** Each file moved into the request, as a study of its own. */
function moveIntoRequest(entries: readonly CorpusEntry[], accession: string): { bytes: Buffer; seriesInstanceUid: string }[] {
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-e2e-corpus-"));
  try {
    const jobs = entries.map((entry, i) => ({
      in: entry.file,
      out: path.join(dir, `${i}.dcm`),
      accession,
      series: `2.25.${BigInt(`0x${randomBytes(15).toString("hex")}`).toString()}`,
    }));
    const pydicomRoot = path.dirname(path.dirname(pydicomDataDir()));
    execFileSync("python3", ["-c", MOVE_INTO_REQUEST], { input: JSON.stringify(jobs), env: { ...process.env, PYTHONPATH: pydicomRoot, PYTHONWARNINGS: "ignore" }, stdio: ["pipe", "ignore", "inherit"] });
    return jobs.map((job) => ({ bytes: readFileSync(job.out), seriesInstanceUid: job.series }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Patient's Name as DCMTK decodes it (UTF-8), or as the corpus manifest states it for the sets DCMTK's iconv lacks. */
function decodedName(entry: CorpusEntry): string {
  if (entry.patientName !== undefined) return entry.patientName;
  const dump = (options: string[]) => execFileSync("dcmdump", [...options, "+P", "PatientName", entry.file], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  let text: string;
  try {
    text = dump(["+U8"]);
  } catch {
    // DCMTK's iconv lacks ISO 2022 IR 87: such a file's name is read as its bytes (ASCII here).
    text = dump([]);
  }
  return /\[(.*)\]/.exec(text)?.[1] ?? "";
}

/** How a reader sees a PN: "FAMILY Given", the second component group beside the first. */
function overlayNameOf(pn: string): string {
  const shown = pn
    .split("=")
    .map((group) => group.split("^").slice(0, 2).map((part) => part.trim()).filter(Boolean).join(" "))
    .filter(Boolean);
  return shown.length > 1 ? `${shown[0]} (${shown[1]})` : (shown[0] ?? "");
}

async function stow(page: Page, files: readonly Buffer[]): Promise<void> {
  for (let i = 0; i < files.length; i += 10) {
    const boundary = `e2e-corpus-${randomBytes(8).toString("hex")}`;
    const parts = files.slice(i, i + 10).flatMap((bytes) => [Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), bytes, Buffer.from("\r\n")]);
    const response = await page.request.post("/dicomweb/studies", {
      headers: { "Content-Type": `multipart/related; type="application/dicom"; boundary=${boundary}`, Accept: "application/dicom+json" },
      data: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    });
    // 202: stored with a warning (an undecodable name, a description indexed cut).
    expect([200, 202], await response.text()).toContain(response.status());
  }
}

async function distinctLevels(cell: Locator): Promise<number> {
  return cell.locator("canvas").first().evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext("2d");
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const levels = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 5) levels.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return levels.size;
  });
}

test("every image of the real-world corpus renders in the viewer under its own patient's name", async ({ browser }) => {
  test.setTimeout(12 * 60_000);
  expect(images.length).toBeGreaterThan(30);
  const familyName = `Corpus${Date.now().toString(36)}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });
  const accession = (await referrer.getByTestId("accession-number").textContent())?.trim() ?? "";

  const moved = moveIntoRequest(images, accession);
  const sent: SentFile[] = images.map((entry, i) => ({ entry, seriesInstanceUid: moved[i]!.seriesInstanceUid, overlayName: overlayNameOf(decodedName(entry)) }));
  await stow(referrer, moved.map((file) => file.bytes));

  // Every study names another patient than the request: each link waits for a reason.
  await referrer.goto(`/requests/${requestId}`);
  await waitUntilLive(referrer);
  const pending = referrer.locator('[data-testid="study-card"][data-link-state="NEEDS_CONFIRMATION"]');
  await expect(pending).toHaveCount(sent.length);
  while ((await pending.count()) > 0) {
    const card = pending.first();
    await card.getByTestId("link-reason").fill("Images de référence d'autres logiciels, identité vérifiée");
    const remaining = await pending.count();
    await card.getByRole("button", { name: "Confirmer le rattachement" }).click();
    await expect(pending).toHaveCount(remaining - 1);
  }
  await referrer.context().close();

  const reader = await signedInPage(browser, accounts.radiologistAllSites);
  await reader.goto(`/requests/${requestId}`);
  await reader.getByRole("button", { name: "Prendre" }).click();
  await expect(reader.getByTestId("holder")).toHaveText(accounts.radiologistAllSites.name);
  await reader.goto(`/requests/${requestId}/viewer`);
  const cell = reader.locator('[data-viewport="stack-0"]');
  await expect(cell).toHaveAttribute("data-renders", /^[1-9]\d*$/, { timeout: 60_000 });

  const failures: string[] = [];
  for (const file of sent) {
    await reader.locator(`[data-testid="series-thumbnail"][data-series-uid="${file.seriesInstanceUid}"]`).click();
    await expect(cell).toHaveAttribute("data-series-uid", file.seriesInstanceUid);
    // Shown (pixels on screen) or failed: never left waiting, and never the previous image.
    const settled = await expect(cell)
      .toHaveAttribute("data-display", /^(shown|failed)$/, { timeout: 30_000 })
      .then(() => true, () => false);
    if (!settled) {
      failures.push(`${file.entry.name}: still loading after 30 s`);
      continue;
    }
    const display = await cell.getAttribute("data-display");
    const levels = display === "shown" ? await distinctLevels(cell) : 0;
    const overlay = (await cell.getByTestId("overlay-top-left").textContent()) ?? "";
    if (display !== "shown") failures.push(`${file.entry.name}: not shown (${(await cell.getByTestId("viewport-error").textContent()) ?? ""})`);
    else if (levels < 2) failures.push(`${file.entry.name}: uniform canvas`);
    else if (!overlay.includes(file.overlayName)) failures.push(`${file.entry.name}: overlay "${overlay}" does not name "${file.overlayName}"`);
  }
  expect(failures).toEqual([]);
});
