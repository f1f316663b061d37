// `npm run bench -- viewer`: the browser viewer in headless Chromium on loopback, on a
// generated 200-slice CT: navigation → first image, → whole stack loaded, click → first MPR
// render, browser memory after loading. The same study is then loaded through the same viewer
// code from Orthanc's DICOMweb plugin in the same run (`?dicomweb=`), alternating servers.
// Targets: first image ≤ 500 ms, whole stack ≤ 3 s, ours at least as fast as Orthanc.
import { parseArgs } from "node:util";
import type { Browser, BrowserContext } from "@playwright/test";
import { startOrthanc, type OrthancServer } from "./lib/orthanc";
import { publish } from "./lib/report";
import { assertPortFree, ensureProductionBuild, startServer, type BenchServer } from "./lib/server-process";
import { launchBenchBrowser, newReaderContext, VIEWPORT } from "./lib/viewer-browser";
import { viewerFigures } from "./lib/viewer-figures";
import { PAGE_HOOKS } from "./lib/viewer-page-hooks";
import { measureViewerLoad, type ViewerRun, type ViewerTarget, type ViewerTargetName } from "./lib/viewer-run";
import { prepareViewerStudy, type ViewerStudy } from "./lib/viewer-setup";

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      slices: { type: "string", default: "200" },
      // Warm openings per server, alternating ours / Orthanc, after one cold opening each.
      "warm-runs": { type: "string", default: "5" },
      "timeout-ms": { type: "string", default: "120000" },
      port: { type: "string", default: "3400" },
      "pg-port": { type: "string", default: "55400" },
      "orthanc-http-port": { type: "string", default: "18142" },
      "orthanc-dicom-port": { type: "string", default: "14342" },
      "no-mpr": { type: "boolean", default: false },
      // Only Orthanc with HTTP compression off (its best here); the default install gzips every frame.
      "without-orthanc-default": { type: "boolean", default: false },
    },
  });
  const int = (name: Exclude<keyof typeof values, "no-mpr" | "without-orthanc-default">, min = 1) => {
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
  ensureProductionBuild();
  const orthancNames = opts.orthancDefault ? (["orthanc", "orthanc_default"] as const) : (["orthanc"] as const);
  const orthancPorts = (index: number) => ({ httpPort: opts.orthancHttpPort + index, dicomPort: opts.orthancDicomPort + index });
  for (const [index] of orthancNames.entries()) for (const port of Object.values(orthancPorts(index))) await assertPortFree(port);
  const orthancs = new Map<ViewerTargetName, OrthancServer>();
  let server: BenchServer | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
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
    log(`starting our server (port ${opts.port}, embedded PostgreSQL on ${opts.pgPort}) with VIEWER_FOREIGN_DICOMWEB=on`);
    // No C-STORE listener: nothing here uses it, and its default port may be taken.
    server = await startServer({ port: opts.port, pgPort: opts.pgPort, env: { DICOM_PORT: "0", VIEWER_FOREIGN_DICOMWEB: "on" } });

    // One study for the cold openings, then one per warm round: never cached by the browser.
    const studyCount = 1 + opts.warmRuns;
    log(`generating and storing ${studyCount} CT series of ${opts.slices} slices (512², 16-bit) into every server`);
    const others = [...orthancs].map(([name, o]) => ({ name: `Orthanc ${name}`, dicomwebUrl: o.dicomwebUrl, headers: {} }));
    const studies: ViewerStudy[] = [];
    for (let i = 0; i < studyCount; i++) {
      studies.push(await prepareViewerStudy(server, others, { seed: `bench-viewer-${i}`, slices: opts.slices, log }));
    }

    const targets: ViewerTarget[] = [
      { name: "ours", dicomwebRoot: `${server.baseUrl}/dicomweb`, serverPid: server.pid, pageUrl: (requestId) => `${server!.baseUrl}/requests/${requestId}/viewer` },
      ...[...orthancs].map(([name, o]): ViewerTarget => ({
        name,
        dicomwebRoot: o.dicomwebUrl,
        serverPid: o.pid,
        pageUrl: (requestId) => `${server!.baseUrl}/requests/${requestId}/viewer?dicomweb=${encodeURIComponent(o.dicomwebUrl)}`,
      })),
    ];
    browser = await launchBenchBrowser();
    const runs = await runAll(browser, server.baseUrl, studies, targets, opts);
    const first = studies[0]!;
    publish({
      bench: "viewer",
      title: "Viewer in the browser, side by side with Orthanc's DICOMweb",
      command: COMMAND,
      about: about(opts, orthancs.get("orthanc")?.version ?? "unknown", first),
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

const COMMAND = "npm run bench -- viewer [--slices 200] [--warm-runs 5] [--without-orthanc-default] [--no-mpr] [--timeout-ms 120000]";

/**
 * A cold opening per server, each in a fresh context (empty HTTP cache, nothing compiled), on
 * the first study. Then warm rounds in the first context (a new page each time; the viewer's
 * code is in its cache): each round opens a new study once per server, the order rotating.
 */
async function runAll(browser: Browser, baseUrl: string, studies: readonly ViewerStudy[], targets: readonly ViewerTarget[], opts: ViewerOptions): Promise<ViewerRun[]> {
  const runs: ViewerRun[] = [];
  const contexts: BrowserContext[] = [];
  const cookie = studies[0]!.readerCookie;
  const newContext = async () => {
    const context = await newReaderContext(browser, baseUrl, cookie, PAGE_HOOKS);
    contexts.push(context);
    return context;
  };
  const measure = async (context: BrowserContext, target: ViewerTarget, study: ViewerStudy, cold: boolean, label: string) => {
    const run = await measureViewerLoad(context, target, target.pageUrl(study.requestId), { cold, timeoutMs: opts.timeoutMs, mpr: opts.mpr });
    if (run.imageRequests === 0 || run.strayImageRequests > 0) {
      throw new Error(`${target.name}: ${run.imageRequests} image requests to ${target.dicomwebRoot}, ${run.strayImageRequests} elsewhere`);
    }
    const t = run.timeline;
    log(
      `${label} ${target.name}: first image ${fmt(t.firstImage)} ms (viewer's mark ${fmt(t.firstImageMark)}), stack ${fmt(t.stackLoaded)} ms, ` +
        `MPR ${fmt(run.mpr?.first ?? null)}/${fmt(run.mpr?.all ?? null)} ms; metadata ${fmt(t.metadataStart)}–${fmt(t.metadataEnd)}, ` +
        `frames ${fmt(t.firstFrameStart)}–${fmt(t.lastFrameEnd)} (${t.frames}, ${run.cachedImageAnswers} cached); ` +
        `CPU renderer ${run.cpu.renderer.toFixed(2)} s, GPU ${run.cpu.gpu.toFixed(2)} s, server ${run.cpu.server.toFixed(2)} s`,
    );
    runs.push(run);
  };
  try {
    const warm = await newContext();
    for (const target of targets) await measure(target === targets[0] ? warm : await newContext(), target, studies[0]!, true, "cold");
    for (let round = 0; round < opts.warmRuns; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      for (const target of order) await measure(warm, target, studies[round + 1]!, false, `warm ${round + 1}/${opts.warmRuns}`);
    }
  } finally {
    await Promise.allSettled(contexts.map((c) => c.close()));
  }
  return runs;
}

const fmt = (ms: number | null) => (ms === null ? "—" : ms.toFixed(0));

function about(opts: ViewerOptions, orthancVersion: string, study: ViewerStudy): string {
  return `
TODO ${opts.slices} ${orthancVersion} ${study.instances} ${VIEWPORT.width}
`;
}
