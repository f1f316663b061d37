// One measured opening of the viewer in a new page of a browser context: navigation → first
// image → whole stack in memory (the viewer's own performance marks), memory at that point,
// then MPR switched on by a click → first reformat rendered. Around it, the CPU time of every
// process involved (Chromium's renderer and GPU processes, the image server) and checks that
// the images really came from the server under test.
import type { BrowserContext, Page } from "@playwright/test";
import { machineCpuSeconds, cpuSeconds } from "./proc-stats";
import { chromiumCpu, chromiumPss, cpuDelta, type ByRole } from "./viewer-browser";
import { CACHE_BYTES, LOAD_TIMELINE, MPR_CLICK_AT, PAGE_STATE, waitForImageRender, waitForMark, waitForMprImages, type LoadTimeline } from "./viewer-page-hooks";

export type ViewerTargetName = "ours" | "orthanc" | "orthanc_default";

export interface ViewerTarget {
  name: ViewerTargetName;
  /** The viewer page of a request, with `?dicomweb=` for Orthanc. */
  pageUrl: (requestId: string) => string;
  /** The DICOMweb root the viewer must read from, e.g. http://127.0.0.1:18142/dicom-web. */
  dicomwebRoot: string;
  /** The image server's process, for its CPU time. */
  serverPid: number;
}

export interface Memory {
  /** V8 heap in use on the page's main thread (CDP Performance.getMetrics). */
  jsHeapBytes: number;
  /** Cornerstone's image cache, as the viewer reports it. */
  cacheBytes: number | null;
  /** Proportional set size of Chromium's processes by role (renderer: page + decode workers). */
  pss: ByRole;
}

/** Milliseconds from the click on the MPR button. */
export interface MprTimes {
  /** The viewer's own mark, viewer:mpr-render (first IMAGE_RENDERED of a reformat, image or not). */
  mark: number | null;
  /** The first reformat showing an image. */
  first: number;
  /** All three reformats showing an image. */
  all: number;
}

export interface ViewerRun {
  target: ViewerTargetName;
  cold: boolean;
  timeline: LoadTimeline;
  mpr: MprTimes | null;
  memory: Memory;
  memoryAfterMpr: Memory | null;
  /** CPU seconds from navigation to the stack loaded: Chromium by role, the image server, the rest of the machine. */
  cpu: ByRole & { server: number; machine: number; steal: number };
  wallMs: number;
  /** Main-thread time of the page during the load (CDP metrics), seconds. */
  mainThread: { script: number; task: number };
  /** Image requests (metadata, frames) sent to the server under test, and to any other. */
  imageRequests: number;
  strayImageRequests: number;
  /** Image answers the browser took from its HTTP cache instead of the server. */
  cachedImageAnswers: number;
}

const isImageRequest = (url: string) => /\/series\/[^/]+\/metadata$/.test(url) || url.includes("/frames/");

async function metrics(cdp: Awaited<ReturnType<BrowserContext["newCDPSession"]>>): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
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

export async function measureViewerLoad(context: BrowserContext, target: ViewerTarget, url: string, options: { cold: boolean; timeoutMs: number; mpr: boolean }): Promise<ViewerRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send("Performance.enable");
    await cdp.send("Network.enable");
    let imageRequests = 0;
    let strayImageRequests = 0;
    let cachedImageAnswers = 0;
    page.on("request", (request) => {
      const url = request.url();
      if (!isImageRequest(url)) return;
      if (url.startsWith(`${target.dicomwebRoot}/`)) imageRequests++;
      else strayImageRequests++;
    });
    cdp.on("Network.responseReceived", (event: { response: { url: string; fromDiskCache?: boolean; fromPrefetchCache?: boolean } }) => {
      if (isImageRequest(event.response.url) && (event.response.fromDiskCache || event.response.fromPrefetchCache)) cachedImageAnswers++;
    });
    cdp.on("Network.requestServedFromCache", () => cachedImageAnswers++);

    const before = { chromium: chromiumCpu(), server: cpuSeconds(target.serverPid), machine: machineCpuSeconds(), at: performance.now() };
    await page.goto(url, { waitUntil: "commit", timeout: options.timeoutMs });
    await withTimeout(Promise.all([page.evaluate(waitForImageRender("stack-0")), page.evaluate(waitForMark("viewer:stack-loaded"))]), options.timeoutMs, page, "the stack loading");
    const wallMs = performance.now() - before.at;
    const chromium = cpuDelta(before.chromium, chromiumCpu());
    const serverCpu = cpuSeconds(target.serverPid) - before.server;
    const machine = machineCpuSeconds();
    const loadMetrics = await metrics(cdp);
    const timeline = (await page.evaluate(LOAD_TIMELINE)) as LoadTimeline;
    if (timeline.renders < 1 || timeline.greyLevels < 8) throw new Error(`${target.name}: the stack loaded but viewport 0 shows no image (${timeline.renders} renders, ${timeline.greyLevels} grey levels): ${JSON.stringify(timeline)} ${String(await page.evaluate(PAGE_STATE))}`);
    const memory: Memory = { jsHeapBytes: loadMetrics.JSHeapUsedSize ?? 0, cacheBytes: timeline.diagnostics?.cacheBytes ?? null, pss: chromiumPss() };

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
      const mprMetrics = await metrics(cdp);
      memoryAfterMpr = { jsHeapBytes: mprMetrics.JSHeapUsedSize ?? 0, cacheBytes: (await page.evaluate(CACHE_BYTES)) as number | null, pss: chromiumPss() };
    }
    return {
      target: target.name,
      cold: options.cold,
      timeline,
      mpr,
      memory,
      memoryAfterMpr,
      cpu: { ...chromium, server: serverCpu, machine: machine.busy - before.machine.busy, steal: machine.steal - before.machine.steal },
      wallMs,
      mainThread: { script: loadMetrics.ScriptDuration ?? 0, task: loadMetrics.TaskDuration ?? 0 },
      imageRequests,
      strayImageRequests,
      cachedImageAnswers,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
