// `npm run bench -- viewer`: the browser viewer in headless Chromium on loopback, on a
// generated 200-slice CT: navigation → first image, → whole stack loaded, click → first MPR
// render, browser memory after loading. The same study is then loaded through the same viewer
// code from Orthanc's DICOMweb plugin in the same run (`?dicomweb=`), alternating servers.
// Targets: first image ≤ 500 ms, whole stack ≤ 3 s, ours at least as fast as Orthanc.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { BrowserContext } from "@playwright/test";
import { startOrthanc, type OrthancServer } from "./lib/orthanc";
import { publish } from "./lib/report";
import { assertPortFree, ensureProductionBuild, startServer, type BenchServer } from "./lib/server-process";
import { launchReaderBrowser, VIEWPORT } from "./lib/viewer-browser";
import { viewerFigures } from "./lib/viewer-figures";
import { PAGE_HOOKS } from "./lib/viewer-page-hooks";
import { measureViewerLoad, type ViewerRun, type ViewerTarget, type ViewerTargetName } from "./lib/viewer-run";
import { prepareViewerStudy, type ViewerStudy } from "./lib/viewer-setup";

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      slices: { type: "string", default: "200" },
      // Warm rounds, after one cold opening per server: each opens a new study once per server.
      "warm-runs": { type: "string", default: "5" },
      "timeout-ms": { type: "string", default: "120000" },
      port: { type: "string", default: "3400" },
      "pg-port": { type: "string", default: "55400" },
      "orthanc-http-port": { type: "string", default: "18142" },
      "orthanc-dicom-port": { type: "string", default: "14342" },
      "no-mpr": { type: "boolean", default: false },
      // A Chromium performance trace of each warm load (navigation → stack loaded), for DevTools.
      // Tracing slows the page: the figures of such a run are not comparable.
      "trace-dir": { type: "string" },
      // Only Orthanc with HTTP compression off (its best here); the default install gzips every frame.
      "without-orthanc-default": { type: "boolean", default: false },
    },
  });
  const int = (name: Exclude<keyof typeof values, "no-mpr" | "without-orthanc-default" | "trace-dir">, min = 1) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  return {
    slices: int("slices"),
    warmRuns: int("warm-runs"),
    timeoutMs: int("timeout-ms"),
    port: int("port"),
    pgPort: int("pg-port"),
    orthancHttpPort: int("orthanc-http-port"),
    orthancDicomPort: int("orthanc-dicom-port"),
    mpr: values["no-mpr"] !== true,
    orthancDefault: values["without-orthanc-default"] !== true,
    traceDir: values["trace-dir"],
  };
}

export type ViewerOptions = ReturnType<typeof options>;
const log = (line: string) => console.log(`[bench] ${line}`);

/** Orthanc at its best on loopback (no gzip of each frame for the browser), as installed (gzip on). */
const ORTHANC_CONFIGS = {
  orthanc: { HttpCompressionEnabled: false },
  orthanc_default: {},
} as const;

export async function runViewerBench(argv: string[]): Promise<void> {
  const opts = options(argv);
  if (opts.traceDir) mkdirSync(opts.traceDir, { recursive: true });
  await ensureProductionBuild();
  const orthancNames = opts.orthancDefault ? (["orthanc", "orthanc_default"] as const) : (["orthanc"] as const);
  const orthancPorts = (index: number) => ({ httpPort: opts.orthancHttpPort + index, dicomPort: opts.orthancDicomPort + index });
  for (const [index] of orthancNames.entries()) for (const port of Object.values(orthancPorts(index))) await assertPortFree(port);
  const orthancs = new Map<ViewerTargetName, OrthancServer>();
  let server: BenchServer | undefined;
  const cleanup = async () => {
    await Promise.allSettled([...[...orthancs.values()].map((o) => o.stop()), server?.stop()]);
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    for (const [index, name] of orthancNames.entries()) {
      const ports = orthancPorts(index);
      log(`starting Orthanc "${name}" (HTTP ${ports.httpPort}, ${JSON.stringify(ORTHANC_CONFIGS[name])})`);
      orthancs.set(name, await startOrthanc({ ...ports, config: ORTHANC_CONFIGS[name] }));
    }
    const benchRoots = [...orthancs.values()].map((o) => o.dicomwebUrl).join(",");
    log(`starting our server (port ${opts.port}, embedded PostgreSQL on ${opts.pgPort}) with VIEWER_BENCH_DICOMWEB_ROOTS=${benchRoots}`);
    // No C-STORE listener: nothing here uses it, and its default port may be taken.
    const ours = await startServer({ port: opts.port, pgPort: opts.pgPort, env: { DICOM_PORT: "0", VIEWER_BENCH_DICOMWEB_ROOTS: benchRoots } });
    server = ours;

    // One study for the cold openings, then one per warm round: never cached by the browser.
    const studyCount = 1 + opts.warmRuns;
    log(`generating and storing ${studyCount} CT series of ${opts.slices} slices (512², 16-bit) into every server`);
    const others = [...orthancs].map(([name, o]) => ({ name: `Orthanc ${name}`, dicomwebUrl: o.dicomwebUrl, headers: {} }));
    const studies: ViewerStudy[] = [];
    for (let i = 0; i < studyCount; i++) {
      studies.push(await prepareViewerStudy(ours, others, { seed: `bench-viewer-${i}`, slices: opts.slices, log }));
    }

    const viewerUrl = (requestId: string) => `${ours.baseUrl}/requests/${requestId}/viewer`;
    const targets: ViewerTarget[] = [
      { name: "ours", dicomwebRoot: `${ours.baseUrl}/dicomweb`, serverPid: ours.pid, pageServerPid: ours.pid, pageUrl: viewerUrl },
      ...[...orthancs].map(([name, o]): ViewerTarget => ({
        name,
        dicomwebRoot: o.dicomwebUrl,
        serverPid: o.pid,
        pageServerPid: ours.pid,
        pageUrl: (requestId) => `${viewerUrl(requestId)}?dicomweb=${encodeURIComponent(o.dicomwebUrl)}`,
      })),
    ];
    await warmServers(ours.baseUrl, studies[0]!, targets);
    const { runs, chromium } = await runAll(ours.baseUrl, studies, targets, opts);
    publish({
      bench: "viewer",
      title: "Viewer: first image, whole stack, MPR, memory, side by side with Orthanc",
      command: COMMAND,
      about: about(opts, { orthanc: orthancs.get("orthanc")?.version ?? "unknown", chromium }, studies[0]!),
      figures: viewerFigures(runs, { warmRuns: opts.warmRuns, mpr: opts.mpr, targets: targets.map((t) => t.name) }),
    });
  } catch (error) {
    if (server) console.error(`\n[bench] our server's log (last lines):\n${server.logTail()}`);
    for (const [name, o] of orthancs) console.error(`\n[bench] Orthanc ${name}'s log (last lines):\n${o.logTail()}`);
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

/**
 * Cold means a cold browser, not a cold server: the page of every opening comes from our server,
 * whose first rendering of a route loads its modules. One request for the page, the series
 * metadata and a frame per server, from Node, before any browser runs.
 */
async function warmServers(baseUrl: string, study: ViewerStudy, targets: readonly ViewerTarget[]): Promise<void> {
  const get = async (url: string, accept: string) => {
    const response = await fetch(url, { headers: { cookie: study.readerCookie, accept }, redirect: "manual" });
    if (!response.ok) throw new Error(`warm-up: GET ${url} answered ${response.status}`);
    return response;
  };
  await (await get(`${baseUrl}/requests/${study.requestId}/viewer`, "text/html")).arrayBuffer();
  for (const target of targets) {
    const series = `${target.dicomwebRoot}/studies/${study.studyInstanceUid}/series/${study.seriesInstanceUid}`;
    const metadata = (await (await get(`${series}/metadata`, "application/dicom+json")).json()) as { "00080018"?: { Value?: string[] } }[];
    const sop = metadata[0]?.["00080018"]?.Value?.[0];
    if (!sop) throw new Error(`warm-up: no instance in ${target.name}'s series metadata`);
    await (await get(`${series}/instances/${sop}/frames/1`, "multipart/related; type=application/octet-stream; transfer-syntax=*")).arrayBuffer();
  }
}

const COMMAND = "npm run bench -- viewer [--slices 200] [--warm-runs 5] [--without-orthanc-default] [--no-mpr] [--trace-dir <dir>] [--timeout-ms 120000]";

/**
 * A cold opening per server, each in a new browser on a new profile (nothing cached, nothing
 * compiled), on the first study. Then one browser for the warm rounds: two openings not
 * counted (Chromium compiles a script, caches its compiled code at the next load, uses it from
 * the third), then rounds that each open a new study once per server, the order rotating.
 */
async function runAll(baseUrl: string, studies: readonly ViewerStudy[], targets: readonly ViewerTarget[], opts: ViewerOptions): Promise<{ runs: ViewerRun[]; chromium: string }> {
  const runs: ViewerRun[] = [];
  let chromium = "unknown";
  const cookie = studies[0]!.readerCookie;
  const measure = async (context: BrowserContext, target: ViewerTarget, study: ViewerStudy, kind: "cold" | "priming" | "warm", label: string) => {
    const trace = opts.traceDir && kind === "warm" ? path.resolve(opts.traceDir, `viewer-${target.name}-${runs.length}.json`) : undefined;
    const run = await measureViewerLoad(context, target, target.pageUrl(study.requestId), { cold: kind === "cold", timeoutMs: opts.timeoutMs, mpr: opts.mpr, trace });
    if (run.imageRequests === 0 || run.strayImageRequests > 0) {
      throw new Error(`${target.name}: ${run.imageRequests} image requests to ${target.dicomwebRoot}, ${run.strayImageRequests} elsewhere`);
    }
    const t = run.timeline;
    log(
      `${label} ${target.name}: first image ${fmt(t.firstImage)} ms, stack ${fmt(t.stackLoaded)} ms, ` +
        `MPR ${fmt(run.mpr?.first ?? null)}/${fmt(run.mpr?.all ?? null)} ms (viewer's mark ${fmt(run.mpr?.mark ?? null)}); metadata ${fmt(t.metadataStart)}–${fmt(t.metadataEnd)}, ` +
        `frames ${fmt(t.firstFrameStart)}–${fmt(t.lastFrameEnd)} (${t.frames}, ${run.cachedImageAnswers} cached); JS ${(run.scriptNetworkBytes / 1024).toFixed(0)} KiB from the network, ${run.scriptsFromCache} scripts cached; ` +
        `CPU renderer ${run.cpu.renderer.toFixed(2)} s, GPU ${run.cpu.gpu.toFixed(2)} s, server ${run.cpu.server.toFixed(2)} s${run.quiet ? "" : "; the machine was busy before the navigation"}`,
    );
    if (kind !== "priming") runs.push(run);
  };
  const withBrowser = async (work: (context: BrowserContext) => Promise<void>) => {
    const browser = await launchReaderBrowser(baseUrl, cookie, PAGE_HOOKS);
    chromium = browser.version;
    try {
      await work(browser.context);
    } finally {
      await browser.close();
    }
  };
  for (const target of targets) await withBrowser((context) => measure(context, target, studies[0]!, "cold", "cold"));
  await withBrowser(async (context) => {
    for (const target of targets.slice(0, 2)) await measure(context, target, studies[0]!, "priming", "priming (not counted)");
    for (let round = 0; round < opts.warmRuns; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      for (const target of order) await measure(context, target, studies[round + 1]!, "warm", `warm ${round + 1}/${opts.warmRuns}`);
    }
  });
  return { runs, chromium };
}

const fmt = (ms: number | null) => (ms === null ? "—" : ms.toFixed(0));

function about(opts: ViewerOptions, versions: { orthanc: string; chromium: string }, study: ViewerStudy): string {
  const megabytes = (study.bytes / 1e6).toFixed(1);
  return `
The viewer page of the production build (\`npm run serve\` code, fresh embedded PostgreSQL, demo
mode, \`VIEWER_BENCH_DICOMWEB_ROOTS\` naming the Orthancs) in headless Chromium ${versions.chromium} on loopback, WebGL from
SwiftShader (the flags of \`playwright.config.ts\`, plus \`--disable-web-security\` because Orthanc
sends no CORS headers), window ${VIEWPORT.width} × ${VIEWPORT.height}, on a 2-core machine where the browser, its GPU process
and the image server share the cores. Each study is a generated head CT (\`ctHeadSeries\`,
${opts.slices} slices of 512 × 512, 16-bit, Explicit VR Little Endian, ${megabytes} MB) for a request of its own at
SAL, stored by STOW-RS into our server and into two Orthanc ${versions.orthanc} with the DICOMweb
plugin (same files, same UIDs): \`orthanc\` with \`HttpCompressionEnabled: false\`, its best here,
and \`orthanc_default\` as installed, which gzips every frame for a browser (~45 ms of CPU per
512 KiB frame). The radiologist who opens the viewer holds each request.

- **Same viewer code for every server**: Orthanc's openings load the same page with
  \`?dicomweb=<orthanc>/dicom-web\`; only the series metadata and the frames come from Orthanc
  (counted: \`image_requests\`, none elsewhere), the page, its scripts and the thumbnails from us.
- **Figures**: first image = the viewer's \`viewer:first-image\` mark (viewport 0 rendered an
  image), stack = \`viewer:stack-loaded\` (every frame of viewport 0's series in memory), both in ms
  since navigation start; MPR = from the click on the MPR button (time taken in the page) to the
  first reformat rendered with its volume (its first IMAGE_RENDERED past "noData"; the viewer's
  \`viewer:mpr-render\` mark). Memory is read right after the stack loaded, and again once the
  three reformats are on screen. After each load the bench scrolls to the middle slice and checks
  that it shows the head (≥ 8 grey levels), so the frames of every server really render.
- **Cold**: the first opening in a new browser on a new profile (nothing cached, nothing
  compiled), one per server, on the first study; a cold browser, not a cold server (each server
  has served the page, the metadata and a frame once, from Node, before any browser runs). **Warm**: one browser on its own profile (an
  incognito context would keep no compiled code); two openings not counted (Chromium compiles a
  script, stores its compiled code at the next load, uses it from the third), then ${opts.warmRuns} rounds; each
  round opens a study the browser has never seen once per server, the order rotating, a new tab
  each time. Every frame therefore comes from the server (\`cached_image_answers\` = 0: our frames
  are sent with \`no-store\` since 45bf381, cacheable for an hour before). Before each navigation the bench waits until the machine is nearly
  idle (a new tab starts Chromium's own WebUI renderers).
- **Where the time goes**: the page's resource timings (metadata request, first and last frame)
  between the viewer's marks; CDP Performance metrics of the page's main thread; CPU time of
  Chromium's processes by role and of the image server, from /proc. \`--trace-dir <dir>\` also
  writes a Chromium trace of each warm load (DevTools, Perfetto), which slows the page.

Ratios are Orthanc / ours on the same figure: above 1, ours is faster.
`;
}
