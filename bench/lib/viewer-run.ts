// One measured opening of the viewer in a new page of a browser context: navigation → first
// image → whole stack in memory (the viewer's own performance marks), memory at that point,
// then MPR switched on by a click → first reformat rendered. Around it, the CPU time of every
// process involved (Chromium's renderer and GPU processes, the image server) and checks that
// the images really came from the server under test and really render.
import type { BrowserContext, CDPSession, Page } from "@playwright/test";
import { cpuSeconds, machineCpuSeconds } from "./proc-stats";
import { chromiumCpu, chromiumMemory, cpuDelta, waitForQuiet, type ByRole, type ChromiumMemory } from "./viewer-browser";
import { startTrace, stopTrace } from "./viewer-trace";
import { CACHE_BYTES, greyLevels, LOAD_TIMELINE, MPR_CLICK_AT, PAGE_STATE, SCROLL_TO_MIDDLE, waitForMark, waitForMprImages, type LoadTimeline } from "./viewer-page-hooks";

export type ViewerTargetName = "ours" | "orthanc" | "orthanc_default";

export interface ViewerTarget {
  name: ViewerTargetName;
  /** The viewer page of a request, with `?dicomweb=` for Orthanc. */
  pageUrl: (requestId: string) => string;
  /** The DICOMweb root the viewer must read from, e.g. http://127.0.0.1:18142/dicom-web. */
  dicomwebRoot: string;
  /** The image server's process, for its CPU time. */
  serverPid: number;
  /** Our server's process, which serves the page (and thumbnails) whatever the image server. */
  pageServerPid: number;
}

export interface Memory extends ChromiumMemory {
  /** V8 heap in use on the page's main thread. */
  jsHeapBytes: number;
  /** Backing stores of the main thread's ArrayBuffers (pixel data lives there, not in the heap). */
  arrayBufferBytes: number;
  /** Cornerstone's image cache, as the viewer reports it. */
  cacheBytes: number | null;
}

/** Milliseconds from the click on the MPR button. */
export interface MprTimes {
  /** The viewer's own mark, viewer:mpr-render (first IMAGE_RENDERED of a reformat cell). */
  mark: number | null;
  /** The first reformat rendered with its volume. */
  first: number;
  /** All three reformats rendered with their volume. */
  all: number;
}

export interface ViewerRun {
  target: ViewerTargetName;
  cold: boolean;
  /** The machine was nearly idle when the navigation started (false: it waited 10 s in vain). */
  quiet: boolean;
  timeline: LoadTimeline;
  mpr: MprTimes | null;
  /** Chromium's memory as the first image showed (page and code loaded, one frame). */
  memoryAtFirstImage: ChromiumMemory;
  memory: Memory;
  memoryAfterMpr: Memory | null;
  /** CPU seconds from navigation to the stack loaded: Chromium by role, the image server, our (page) server, the whole machine. */
  cpu: ByRole & { server: number; pageServer: number; machine: number; steal: number };
  wallMs: number;
  /** Main-thread time of the page during the load (CDP Performance metrics), seconds. */
  mainThread: { script: number; task: number };
  /** JavaScript the page received over the network up to the stack loaded (encoded bytes), and from the HTTP cache (requests). */
  scriptNetworkBytes: number;
  scriptsFromCache: number;
  /** Image requests (metadata, frames) sent to the server under test, and to any other. */
  imageRequests: number;
  strayImageRequests: number;
  /** Image answers the browser took from its HTTP cache instead of the server. */
  cachedImageAnswers: number;
}

const isImageRequest = (url: string) => /\/series\/[^/]+\/metadata$/.test(url) || url.includes("/frames/");

async function pageMemory(cdp: CDPSession, page: Page): Promise<Memory> {
  const heap = await cdp.send("Runtime.getHeapUsage");
  return { jsHeapBytes: heap.usedSize, arrayBufferBytes: heap.backingStorageSize, cacheBytes: (await page.evaluate(CACHE_BYTES)) as number | null, ...chromiumMemory() };
}

async function withTimeout<T>(work: Promise<T>, ms: number, page: Page, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void page
        .evaluate(PAGE_STATE)
        .catch((error: unknown) => String(error))
        .then((state) => reject(new Error(`${what} did not happen within ${ms / 1000} s; page: ${String(state)}`)));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The frames must render, whichever server sent them: the middle slice must show the head. */
async function checkPixels(page: Page, target: string, timeline: LoadTimeline, timeoutMs: number): Promise<void> {
  if (timeline.renders < 1) throw new Error(`${target}: the stack loaded but viewport 0 never rendered an image`);
  await page.evaluate(SCROLL_TO_MIDDLE);
  try {
    await page.waitForFunction(`${greyLevels("stack-0")} >= 8`, undefined, { timeout: Math.min(timeoutMs, 15_000), polling: 100 });
  } catch {
    throw new Error(`${target}: the middle slice shows ${String(await page.evaluate(greyLevels("stack-0")))} grey level(s): the frames did not render`);
  }
}

/** Counts what the page fetched, from the browser's own network events. */
function watchNetwork(page: Page, cdp: CDPSession, target: ViewerTarget) {
  const counts = { imageRequests: 0, strayImageRequests: 0, cachedImageAnswers: 0, scriptNetworkBytes: 0, scriptsFromCache: 0 };
  const scripts = new Set<string>();
  page.on("request", (request) => {
    const url = request.url();
    if (!isImageRequest(url)) return;
    if (url.startsWith(`${target.dicomwebRoot}/`)) counts.imageRequests++;
    else counts.strayImageRequests++;
  });
  cdp.on("Network.responseReceived", ({ requestId, type, response }) => {
    const cached = response.fromDiskCache === true || response.fromPrefetchCache === true;
    if (isImageRequest(response.url) && cached) counts.cachedImageAnswers++;
    if (type === "Script") {
      if (cached) counts.scriptsFromCache++;
      else scripts.add(requestId);
    }
  });
  cdp.on("Network.requestServedFromCache", () => counts.cachedImageAnswers++);
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    if (scripts.has(requestId)) counts.scriptNetworkBytes += encodedDataLength;
  });
  return counts;
}

export async function measureViewerLoad(
  context: BrowserContext,
  target: ViewerTarget,
  url: string,
  /** trace: a file to write a Chromium trace of the load to (diagnostics; slows the page). */
  options: { cold: boolean; timeoutMs: number; mpr: boolean; trace?: string },
): Promise<ViewerRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send("Performance.enable");
    await cdp.send("Network.enable");
    const counts = watchNetwork(page, cdp, target);
    const quiet = await waitForQuiet();
    if (options.trace) await startTrace(cdp);

    const before = { chromium: chromiumCpu(), server: cpuSeconds(target.serverPid), pageServer: cpuSeconds(target.pageServerPid), machine: machineCpuSeconds(), at: performance.now() };
    await page.goto(url, { waitUntil: "commit", timeout: options.timeoutMs });
    // Read as soon as the first image is reported (the page goes on loading meanwhile).
    const firstImage = page.evaluate(waitForMark("viewer:first-image")).then(() => chromiumMemory());
    const [memoryAtFirstImage] = await withTimeout(Promise.all([firstImage, page.evaluate(waitForMark("viewer:stack-loaded"))]), options.timeoutMs, page, "the stack loading");
    const wallMs = performance.now() - before.at;
    const chromium = cpuDelta(before.chromium, chromiumCpu());
    const serverCpu = cpuSeconds(target.serverPid) - before.server;
    const pageServerCpu = cpuSeconds(target.pageServerPid) - before.pageServer;
    const machine = machineCpuSeconds();
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    const memory = await pageMemory(cdp, page);
    if (options.trace) await stopTrace(cdp, options.trace);
    const timeline = (await page.evaluate(LOAD_TIMELINE)) as LoadTimeline;
    await checkPixels(page, target.name, timeline, options.timeoutMs);

    let mpr: MprTimes | null = null;
    let memoryAfterMpr: Memory | null = null;
    if (options.mpr) {
      await page.locator('[data-testid="toggle-mpr"]').click({ timeout: options.timeoutMs });
      const [first, all, mark] = (await withTimeout(
        Promise.all([page.evaluate(waitForMprImages(1)), page.evaluate(waitForMprImages(3)), page.evaluate(waitForMark("viewer:mpr-render"))]),
        options.timeoutMs,
        page,
        "the reformats",
      )) as [number, number, number];
      const clickedAt = (await page.evaluate(MPR_CLICK_AT)) as number | null;
      if (clickedAt === null) throw new Error("the click on the MPR button was not seen in the page");
      mpr = { mark: mark - clickedAt, first: first - clickedAt, all: all - clickedAt };
      // Memory once all three reformats show the volume.
      memoryAfterMpr = await pageMemory(cdp, page);
    }
    return {
      target: target.name,
      cold: options.cold,
      quiet,
      timeline,
      mpr,
      memoryAtFirstImage,
      memory,
      memoryAfterMpr,
      cpu: { ...chromium, server: serverCpu, pageServer: pageServerCpu, machine: machine.busy - before.machine.busy, steal: machine.steal - before.machine.steal },
      wallMs,
      mainThread: { script: metric("ScriptDuration"), task: metric("TaskDuration") },
      ...counts,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
