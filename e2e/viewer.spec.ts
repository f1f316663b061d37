import { expect, test, type Browser, type Locator, type Page } from "./test";
import { ctHeadSeries, type SyntheticInstance } from "../lib/dicom/synthetic";
import { compressWithDcmtk, type DcmtkCompression } from "./dcmtk-compress";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic } from "./pages";
import { stowInstances } from "./stow";

// The viewer on the production build, in headless Chromium rendering WebGL with SwiftShader.
// Each test builds its own request: a referrer submits, the site stores a generated CT by
// STOW-RS (linked by its accession number), and a radiologist claims it and opens the viewer.

const SIZE = 128;
const SLICES = 40;
const FIELD_OF_VIEW_MM = 250;

interface ReadableStudy {
  requestId: string;
  familyName: string;
  instances: SyntheticInstance[];
  reader: Page;
}

async function readableStudy(browser: Browser, options: { transferSyntax?: "rle"; compression?: DcmtkCompression; familyName?: string } = {}): Promise<ReadableStudy> {
  const familyName = options.familyName ?? `Vue${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });
  const accession = (await referrer.getByTestId("accession-number").textContent())?.trim() ?? "";
  const generated = [
    ...ctHeadSeries({
      seed: `e2e-viewer-${requestId}`,
      patient: { familyName: familyName.toUpperCase(), givenName: "JEANNE", birthDate: "19480714", sex: "F", patientId: `IPP-${familyName}` },
      accessionNumber: accession,
      slices: SLICES,
      size: SIZE,
      ...(options.transferSyntax ? { transferSyntax: options.transferSyntax } : {}),
    }),
  ];
  const instances = options.compression ? compressWithDcmtk(generated, options.compression) : generated;
  await stowInstances(referrer, instances);
  await referrer.context().close();

  const reader = await signedInPage(browser, accounts.radiologistAllSites);
  await reader.goto(`/requests/${requestId}`);
  await reader.getByRole("button", { name: "Prendre" }).click();
  await expect(reader.getByTestId("holder")).toHaveText(accounts.radiologistAllSites.name);
  return { requestId, familyName, instances, reader };
}

function viewport(page: Page, name: string): Locator {
  return page.locator(`[data-viewport="${name}"]`);
}

/** Opens the viewer from the request page, as a reader does, and waits for Cornerstone's first render. */
async function openViewer(page: Page, requestId: string): Promise<Locator> {
  await page.goto(`/requests/${requestId}`);
  await page.getByTestId("open-viewer").click();
  await page.waitForURL(`**/requests/${requestId}/viewer`);
  const stack = viewport(page, "stack-0");
  // The first opening in a browser loads and compiles the viewer's code (Cornerstone, vtk.js:
  // megabytes of JavaScript), which takes seconds when both test workers share two cores.
  await expect(stack).toHaveAttribute("data-renders", /^[1-9]\d*$/, { timeout: 30_000 });
  return stack;
}

/** Grey-level statistics of what a viewport's canvas shows. */
async function canvasStats(cell: Locator): Promise<{ distinct: number; fingerprint: string }> {
  return cell.locator("canvas").first().evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext("2d");
    if (!context) return { distinct: 0, fingerprint: "" };
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const levels = new Set<number>();
    let hash = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      levels.add(data[i]!);
      hash = (hash * 31 + data[i]!) >>> 0;
    }
    return { distinct: levels.size, fingerprint: `${levels.size}:${hash}` };
  });
}

async function rendersOf(cell: Locator): Promise<number> {
  return Number(await cell.getAttribute("data-renders"));
}

test("the holder opens a generated CT: it renders, presets change the pixels, scrolling and keys move through the slices", async ({ browser }) => {
  test.slow();
  const { requestId, familyName, reader: page } = await readableStudy(browser);
  const frameAnswer = page.waitForResponse((response) => response.url().includes("/frames/"));
  const stack = await openViewer(page, requestId);
  // Frames come from our server as bare bytes, one per request (no multipart to scan).
  expect((await frameAnswer).headers()["content-type"]).toMatch(/^application\/octet-stream; transfer-syntax=/);

  const first = await canvasStats(stack);
  expect(first.distinct).toBeGreaterThan(8);
  await expect(stack.getByTestId("overlay-top-left")).toContainText(familyName.toUpperCase());
  await expect(stack.getByTestId("overlay-top-left")).toContainText(`IPP-${familyName}`);
  await expect(stack.getByTestId("overlay-bottom-left")).toContainText(`Coupe 1/${SLICES}`);
  await expect(stack.getByTestId("overlay-bottom-left")).toContainText("Ép. 1,00 mm");
  await expect(stack.getByTestId("orientation-left")).toHaveText("D");
  await expect(stack.getByTestId("orientation-top")).toHaveText("A");

  // A preset changes the window, and with it the pixels on screen.
  const before = await rendersOf(stack);
  await page.getByTestId("preset-select").selectOption("bone");
  await expect(stack).toHaveAttribute("data-window-width", "2800");
  await expect.poll(() => rendersOf(stack)).toBeGreaterThan(before);
  const bone = await canvasStats(stack);
  expect(bone.fingerprint).not.toBe(first.fingerprint);
  await expect(stack.getByTestId("overlay-bottom-right")).toContainText("L/C 2800 / 600");

  // The wheel, the arrow keys and the page keys move through the stack; the overlay follows.
  await stack.hover();
  await page.mouse.wheel(0, 120);
  await expect(stack).toHaveAttribute("data-image-index", "1");
  await expect(stack.getByTestId("overlay-bottom-left")).toContainText(`Coupe 2/${SLICES}`);
  await page.keyboard.press("ArrowDown");
  await expect(stack).toHaveAttribute("data-image-index", "2");
  await page.keyboard.press("PageDown");
  await expect(stack).toHaveAttribute("data-image-index", "12");
  await page.keyboard.press("End");
  await expect(stack.getByTestId("overlay-bottom-left")).toContainText(`Coupe ${SLICES}/${SLICES}`);

  // Every stack frame arrives, and the progress says so.
  await expect(page.getByTestId("viewer-load")).toHaveAttribute("data-loaded", String(SLICES));

  // The shortcuts are listed in the help panel.
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts-help")).toContainText("Fenêtre cerveau");
  await expect(page.getByTestId("shortcuts-help")).toContainText("Reconstructions MPR");
});

test("a length drawn on known geometry measures the expected millimetres, and goes to the report", async ({ browser }) => {
  test.slow();
  const { requestId, instances, reader: page } = await readableStudy(browser);
  const stack = await openViewer(page, requestId);
  await page.getByTestId("tool-length").click();

  // Two points 80 pixels apart on a row of the slice shown: 80 × 250/128 mm = 156.25 mm.
  const metadata = (await (await page.request.get(`/dicomweb/studies/${instances[0]!.studyInstanceUid}/series/${instances[0]!.seriesInstanceUid}/metadata`)).json()) as Record<string, { Value?: number[] }>[];
  const positions = metadata.map((m) => m["00200032"]!.Value!);
  const top = positions.reduce((a, b) => (b[2]! > a[2]! ? b : a));
  const spacing = FIELD_OF_VIEW_MM / SIZE;
  const world = (column: number, row: number) => [top[0]! + column * spacing, top[1]! + row * spacing, top[2]!];
  const box = (await stack.locator(".viewer-element").boundingBox())!;
  const toPage = async (point: number[]) => {
    const canvas = await page.evaluate((p) => window.teleradioViewer!.worldToCanvas(0, [p[0]!, p[1]!, p[2]!]), point);
    return { x: box.x + canvas![0], y: box.y + canvas![1] };
  };
  const a = await toPage(world(20, 60));
  const b = await toPage(world(100, 60));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();

  const measurement = page.getByTestId("measurement").first();
  await expect(measurement).toHaveAttribute("data-kind", "length");
  // Cornerstone recomputes a measurement's figures at most every 100 ms while it is drawn:
  // the last figure arrives just after the mouse is released.
  const expected = 80 * spacing;
  const measured = () => page.evaluate(() => window.teleradioViewer!.getMeasurements()[0]?.values[0]?.value ?? 0);
  await expect.poll(async () => Math.abs((await measured()) - expected) / expected).toBeLessThan(0.01);
  await expect(measurement.getByTestId("measurement-text")).toHaveText(/^Longueur : 15[5-7],\d mm$/);

  await measurement.getByTestId("send-to-report").click();
  await expect(measurement.getByTestId("send-to-report")).toHaveText("Envoyée au compte rendu");
  // Kept on the server for the reader (e2e/measurements-to-report.spec.ts), nothing in the tab.
  const inTab = await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("teleradio:report-measurements:")));
  expect(inTab).toEqual([]);
});

test("an RLE-compressed CT renders, and MPR shows axial, sagittal and coronal reformats", async ({ browser }) => {
  test.slow();
  const { requestId, reader: page } = await readableStudy(browser, { transferSyntax: "rle" });
  const stack = await openViewer(page, requestId);
  expect((await canvasStats(stack)).distinct).toBeGreaterThan(8);

  await page.getByTestId("toggle-mpr").click();
  const views = ["axial", "sagittal", "coronal"].map((name) => viewport(page, `mpr-${name}`));
  for (const view of views) await expect(view).toHaveAttribute("data-renders", /^[1-9]\d*$/);
  const normals = await page.evaluate(() => window.teleradioViewer!.mprViewPlaneNormals());
  const axis = (n: number[] | undefined) => n!.map(Math.abs).indexOf(Math.max(...n!.map(Math.abs)));
  expect([axis(normals.axial), axis(normals.sagittal), axis(normals.coronal)]).toEqual([2, 0, 1]);
  await expect.poll(async () => (await canvasStats(views[1]!)).distinct).toBeGreaterThan(8);
  await expect.poll(async () => (await canvasStats(views[2]!)).distinct).toBeGreaterThan(8);
});

// JPEG-LS and JPEG lossless decode in Cornerstone's WebAssembly codecs and JavaScript decoder:
// this proves the production build serves the codecs and the decode workers.
for (const compression of ["jpeg-ls", "jpeg-lossless"] as const) {
  test(`a ${compression} CT made by DCMTK renders through the decode workers`, async ({ browser }) => {
    test.slow();
    const { requestId, reader: page } = await readableStudy(browser, { compression });
    const stack = await openViewer(page, requestId);
    expect((await canvasStats(stack)).distinct).toBeGreaterThan(8);
    await expect(page.getByTestId("viewer-load")).toHaveAttribute("data-loaded", String(SLICES));
    await expect(page.getByTestId("viewer-error")).toHaveCount(0);
  });
}

test("a radiologist who does not hold the request gets an error page, and DICOMweb answers 403", async ({ browser }) => {
  test.slow();
  const { requestId, instances, reader } = await readableStudy(browser);
  await reader.context().close();
  const other = await signedInPage(browser, accounts.radiologistSalVrn);
  await other.goto(`/requests/${requestId}/viewer`);
  await expect(other.getByTestId("viewer-forbidden")).toHaveAttribute("data-reason", "NOT_HOLDER");
  await expect(other.getByTestId("viewer-forbidden")).toContainText(accounts.radiologistAllSites.name);
  await expect(other.getByTestId("viewer")).toHaveCount(0);
  const { studyInstanceUid, seriesInstanceUid } = instances[0]!;
  const response = await other.request.get(`/dicomweb/studies/${studyInstanceUid}/series/${seriesInstanceUid}/metadata`);
  expect(response.status()).toBe(403);
});

test("going from study to study releases viewports, caches, annotations and decode workers", async ({ browser }) => {
  test.slow();
  const first = await readableStudy(browser);
  const second = await readableStudy(browser);
  // Both are held by the same radiologist: one page goes from one to the other.
  await second.reader.context().close();
  const page = first.reader;

  const diagnostics = () => page.evaluate(() => window.teleradioViewerDiagnostics!());
  let firstStudyBytes: number | null = null;
  for (const requestId of [first.requestId, second.requestId, first.requestId]) {
    await openViewer(page, requestId);
    await expect(page.getByTestId("viewer-load")).toHaveAttribute("data-loaded", String(SLICES));
    const open = await diagnostics();
    expect(open.renderingEngines).toBe(1);
    expect(open.decodeWorkers).toBeGreaterThan(0);
    // Each opening holds one study's frames, never the previous ones' as well.
    firstStudyBytes ??= open.cacheBytes;
    expect(open.cacheBytes).toBe(firstStudyBytes);
    // Back to the request page without a reload: the viewer unmounts and must let go of everything.
    await page.getByRole("link", { name: "← Retour à la demande" }).click();
    await expect(page.getByTestId("request-detail")).toBeVisible();
    await expect.poll(diagnostics).toEqual({ renderingEngines: 0, cacheBytes: 0, annotations: 0, decodeWorkers: 0 });
  }
  expect(firstStudyBytes).toBeGreaterThan(SLICES * SIZE * SIZE);
});

test("a prior of the same patient opens side by side and scrolls with the current study", async ({ browser }) => {
  test.slow();
  const familyName = `Prior${Date.now().toString(36)}`;
  const earlier = await readableStudy(browser, { familyName });
  await earlier.reader.context().close();
  const { requestId, reader: page } = await readableStudy(browser, { familyName });
  await openViewer(page, requestId);

  // No INS on these requests: the match is on identity traits, and the viewer says so.
  await expect(page.getByTestId("identity-not-qualified")).toBeVisible();
  const prior = page.getByTestId("prior");
  await expect(prior).toHaveCount(1);
  await expect(prior).toHaveAttribute("data-match", "TRAITS");
  await prior.getByTestId("compare-prior").click();

  const right = viewport(page, "stack-1");
  await expect(right).toHaveAttribute("data-renders", /^[1-9]\d*$/);
  await expect(page.getByTestId("link-scroll")).toBeChecked();
  const left = viewport(page, "stack-0");
  await left.hover();
  await page.keyboard.press("PageDown");
  await expect(left).toHaveAttribute("data-image-index", "10");
  await expect(right).toHaveAttribute("data-image-index", "10");
});
