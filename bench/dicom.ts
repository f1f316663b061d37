// `npm run bench -- dicom`: our image server side by side with Orthanc in the same run, on a
// generated 200-slice CT (512², 16-bit, ~100 MB): ingest by STOW-RS and by C-STORE, WADO-RS
// frame retrieval with 8 concurrent viewers, and the servers' resident memory throughout.
// Targets: frames ≥ 2× Orthanc, both ingests ≥ 1.0× Orthanc, our RSS < 400 MiB during the runs.
// Any error (a refused or missing instance, a non-2xx answer, a short frame, a failed C-STORE)
// stops the bench with its reason and a non-zero exit: no figure is ever printed from a run
// that met errors.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { claimAsReader } from "./lib/claim-request";
import { echo, storeDirectory } from "./lib/dcmtk";
import { benchSeries, frameUrls, prepareBenchSetup, writeSeries, type BenchSeries } from "./lib/dicom-bench-data";
import { dicomFigures, type DicomResults, type IngestResult, type WadoResult } from "./lib/dicom-figures";
import { countInstances, measure, postgresPids, type DicomTarget, type Measured, type TargetName } from "./lib/dicom-target";
import { startOrthanc, type OrthancServer } from "./lib/orthanc";
import { statusBytes } from "./lib/proc-stats";
import { publish } from "./lib/report";
import { RssSampler } from "./lib/rss-sampler";
import { assertPortFree, ensureProductionBuild, startServer, type BenchServer } from "./lib/server-process";
import { stowInstances } from "./lib/stow-client";
import { wadoFrameLoad, type WadoLoadRun } from "./lib/wado-load";

const OUR_AE_TITLE = "TELERADIO";
/** A 512² 16-bit frame; any answer shorter than that did not carry it. */
const FRAME_BYTES = 512 * 512 * 2;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      slices: { type: "string", default: "200" },
      // Each ingest run sends a new series of its own to each server, alternating who goes first.
      "ingest-runs": { type: "string", default: "3" },
      "stow-batch": { type: "string", default: "10" },
      "stow-parallel": { type: "string", default: "4" },
      "wado-clients": { type: "string", default: "8" },
      // Measured passes of the 8 viewers over the series, alternating which server goes first.
      "wado-passes": { type: "string", default: "3" },
      port: { type: "string", default: "3300" },
      "pg-port": { type: "string", default: "55300" },
      "dicom-port": { type: "string", default: "11300" },
      "orthanc-http-port": { type: "string", default: "18042" },
      "orthanc-dicom-port": { type: "string", default: "14242" },
      // Where our server's V8 CPU profile goes, to see where its time is spent.
      "cpu-prof": { type: "string" },
      // Leave Nagle on in Orthanc's DICOM sockets (DCMTK's default): each C-STORE then waits ~40 ms.
      "orthanc-nagle": { type: "boolean", default: false },
    },
  });
  const int = (name: Exclude<keyof typeof values, "cpu-prof" | "orthanc-nagle">, min = 1) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  return {
    slices: int("slices"),
    ingestRuns: int("ingest-runs"),
    stowBatch: int("stow-batch"),
    stowParallel: int("stow-parallel"),
    wadoClients: int("wado-clients"),
    wadoPasses: int("wado-passes"),
    port: int("port"),
    pgPort: int("pg-port"),
    dicomPort: int("dicom-port"),
    orthancHttpPort: int("orthanc-http-port"),
    orthancDicomPort: int("orthanc-dicom-port"),
    cpuProfileDir: values["cpu-prof"],
    orthancNagle: values["orthanc-nagle"] === true,
  };
}

type Options = ReturnType<typeof options>;
const log = (line: string) => console.log(`[bench] ${line}`);

export async function runDicomBench(argv: string[]): Promise<void> {
  const opts: Options = options(argv);
  await ensureProductionBuild();
  for (const port of [opts.dicomPort, opts.orthancHttpPort, opts.orthancDicomPort]) await assertPortFree(port);
  const workDir = mkdtempSync(path.join(tmpdir(), "dicom-bench-"));
  let orthanc: OrthancServer | undefined;
  let server: BenchServer | undefined;
  const cleanup = async () => {
    await Promise.allSettled([orthanc?.stop(), server?.stop()]);
    rmSync(workDir, { recursive: true, force: true });
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    log(`starting Orthanc (HTTP ${opts.orthancHttpPort}, DICOM ${opts.orthancDicomPort})`);
    orthanc = await startOrthanc({
      httpPort: opts.orthancHttpPort,
      dicomPort: opts.orthancDicomPort,
      // DCMTK leaves Nagle's algorithm on unless TCP_NODELAY is set: Orthanc's two-write C-STORE
      // response then waits for the sender's delayed ACK (~40 ms an instance). Compare with its best.
      env: opts.orthancNagle ? {} : { TCP_NODELAY: "1" },
    });
    log(`starting our server (port ${opts.port}, DICOM ${opts.dicomPort}, embedded PostgreSQL on ${opts.pgPort}); the demo seed ingests its own CT first`);
    server = await startServer({
      port: opts.port,
      pgPort: opts.pgPort,
      cpuProfileDir: opts.cpuProfileDir,
      env: { DICOM_PORT: String(opts.dicomPort), DICOM_AE_TITLE: OUR_AE_TITLE },
    });
    const setup = await prepareBenchSetup(server.databaseUrl, server.secret);
    // Only the radiologist holding the request views its images (lib/domain/image-access.ts).
    await claimAsReader(server.baseUrl, setup.readerCookie, setup.requestId);

    const ourPid = server.pid;
    const targets: Record<TargetName, DicomTarget> = {
      ours: {
        name: "ours",
        pid: ourPid,
        dicomwebUrl: `${server.baseUrl}/dicomweb`,
        senderHeaders: { authorization: `Bearer ${setup.stowToken}` },
        readerHeaders: { cookie: setup.readerCookie },
        peer: { host: "127.0.0.1", port: opts.dicomPort, callingAeTitle: setup.senderAeTitle, calledAeTitle: OUR_AE_TITLE },
        helperPids: () => postgresPids(ourPid),
      },
      orthanc: {
        name: "orthanc",
        pid: orthanc.pid,
        dicomwebUrl: orthanc.dicomwebUrl,
        senderHeaders: {},
        readerHeaders: {},
        peer: { host: "127.0.0.1", port: orthanc.dicomPort, callingAeTitle: setup.senderAeTitle, calledAeTitle: orthanc.aeTitle },
        helperPids: () => [],
      },
    };
    // The minted cookie must open DICOMweb before anything is measured with it.
    await countInstances(targets.ours, "1.2.3", "1.2.3.4");

    const sampler = new RssSampler({ ours: ourPid, orthanc: orthanc.pid });
    const idle = { ours: statusBytes(ourPid, "VmRSS"), orthanc: statusBytes(orthanc.pid, "VmRSS") };
    sampler.start();
    const results: DicomResults = {
      opts,
      series: { instances: 0, bytes: 0 },
      stow: { ours: [], orthanc: [] },
      cstore: { ours: [], orthanc: [] },
      wado: { ours: null, orthanc: null },
      idle,
      sampler,
      peak: { ours: 0, orthanc: 0 },
      postgresRss: 0,
    };
    try {
      let wadoSeries: BenchSeries | null = null;
      // One warm-up ingest per server, same load, not counted (as for WADO below): our first
      // series after start runs through code the JIT has not compiled yet, which a server that
      // has been up for hours has long done; Orthanc is compiled ahead of time.
      sampler.phase(null);
      log("warm-up ingest (not counted): one STOW-RS and one C-STORE series per server");
      {
        const stowSeries = benchSeries(setup, "bench-dicom-warmup-stow", opts.slices);
        const storeSeries = benchSeries(setup, "bench-dicom-warmup-cstore", opts.slices);
        const storeDir = path.join(workDir, "cstore-warmup");
        writeSeries(storeSeries, storeDir);
        for (const target of [targets.ours, targets.orthanc]) {
          await runStow(target, stowSeries, opts);
          await runCStore(target, storeSeries, storeDir);
        }
        rmSync(storeDir, { recursive: true, force: true });
      }
      for (let run = 0; run < opts.ingestRuns; run++) {
        const order = run % 2 === 0 ? [targets.ours, targets.orthanc] : [targets.orthanc, targets.ours];
        sampler.phase(null);
        log(`ingest run ${run + 1}/${opts.ingestRuns}: generating two ${opts.slices}-slice CT series (STOW-RS, C-STORE)`);
        const stowSeries = benchSeries(setup, `bench-dicom-stow-${run}`, opts.slices);
        const storeSeries = benchSeries(setup, `bench-dicom-cstore-${run}`, opts.slices);
        const storeDir = path.join(workDir, `cstore-${run}`);
        writeSeries(storeSeries, storeDir);
        results.series = { instances: stowSeries.instances.length, bytes: stowSeries.bytes };
        wadoSeries ??= stowSeries;
        for (const target of order) {
          sampler.phase(`${target.name}:stow`);
          results.stow[target.name].push(await runStow(target, stowSeries, opts));
        }
        for (const target of order) {
          sampler.phase(`${target.name}:cstore`);
          results.cstore[target.name].push(await runCStore(target, storeSeries, storeDir));
        }
        rmSync(storeDir, { recursive: true, force: true });
      }
      if (!wadoSeries) throw new Error("no series was sent");
      results.wado = await runWado([targets.ours, targets.orthanc], wadoSeries, opts, sampler);
    } finally {
      sampler.phase(null);
      sampler.stop();
    }
    results.peak = { ours: statusBytes(ourPid, "VmHWM"), orthanc: statusBytes(orthanc.pid, "VmHWM") };
    results.postgresRss = postgresPids(ourPid).reduce((sum, pid) => sum + statusBytes(pid, "VmRSS"), 0);

    publish({
      bench: "dicom",
      title: "DICOM ingest and retrieval, side by side with Orthanc",
      command:
        "npm run bench -- dicom [--slices 200] [--ingest-runs 3] [--stow-batch 10] [--stow-parallel 4] [--wado-clients 8] [--wado-passes 3] [--orthanc-nagle] [--cpu-prof <dir>]",
      about: about(opts, orthanc.version),
      figures: dicomFigures(results),
    });
  } catch (error) {
    if (server) console.error(`\n[bench] our server's log (last lines):\n${server.logTail()}`);
    if (orthanc) console.error(`\n[bench] Orthanc's log (last lines):\n${orthanc.logTail()}`);
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

/** The bench met an error: it stops, says why, and exits non-zero without printing figures. */
class BenchFailure extends Error {}

async function verifyStored(target: DicomTarget, series: BenchSeries, how: string): Promise<number> {
  const listed = await countInstances(target, series.studyInstanceUid, series.seriesInstanceUid);
  if (listed !== series.instances.length) throw new BenchFailure(`after ${how}, ${target.name} lists ${listed} of ${series.instances.length} instances`);
  return listed;
}

/** Earlier runs' files still being written back to disk must not slow this one down. */
const flushDisks = () => spawnSync("sync");

const ingestResult = (run: Measured<unknown>, stored: number): IngestResult => ({
  elapsedMs: run.elapsedMs,
  serverCpu: run.serverCpu,
  helperCpu: run.helperCpu,
  benchCpu: run.benchCpu,
  otherCpu: run.otherCpu,
  stealCpu: run.stealCpu,
  stored,
});

async function runStow(target: DicomTarget, series: BenchSeries, opts: Options): Promise<IngestResult> {
  const bytes = series.instances.map((i) => i.bytes);
  flushDisks();
  const run = await measure(target, () =>
    stowInstances(bytes, { dicomwebUrl: target.dicomwebUrl, headers: target.senderHeaders, batchSize: opts.stowBatch, parallel: opts.stowParallel }),
  );
  if (run.result.failed > 0 || run.result.stored !== series.instances.length) {
    throw new BenchFailure(`STOW-RS to ${target.name}: ${run.result.stored}/${series.instances.length} stored, ${run.result.failed} failed: ${run.result.errors.join(" | ")}`);
  }
  const listed = await verifyStored(target, series, "STOW-RS");
  log(`STOW-RS to ${target.name}: ${run.result.stored}/${series.instances.length} stored in ${(run.elapsedMs / 1000).toFixed(2)} s`);
  return ingestResult(run, Math.min(run.result.stored, listed));
}

async function runCStore(target: DicomTarget, series: BenchSeries, directory: string): Promise<IngestResult> {
  const refused = await echo(target.peer);
  if (refused) throw new BenchFailure(`C-ECHO to ${target.name} failed: ${refused}`);
  flushDisks();
  const run = await measure(target, () => storeDirectory(target.peer, directory));
  if (run.result.code !== 0 || run.result.failedResponses > 0) {
    throw new BenchFailure(`storescu to ${target.name}: exit ${run.result.code ?? "none"}, ${run.result.failedResponses} failed response(s)\n${run.result.outputTail}`);
  }
  const listed = await verifyStored(target, series, "C-STORE");
  log(`C-STORE to ${target.name}: ${listed}/${series.instances.length} stored in ${(run.elapsedMs / 1000).toFixed(2)} s`);
  return ingestResult(run, listed);
}

function failOnWadoErrors(target: DicomTarget, run: WadoLoadRun, pass: string): void {
  if (run.errors > 0) throw new BenchFailure(`WADO-RS ${pass} on ${target.name}: ${run.errors} of ${run.frames} frame requests failed, first: ${run.firstError ?? ""}`);
}

/** A warm-up pass per server (same load, not counted), then measured passes alternating who goes first. */
async function runWado(
  targets: DicomTarget[],
  series: BenchSeries,
  opts: Options,
  sampler: RssSampler<TargetName>,
): Promise<Record<TargetName, WadoResult[] | null>> {
  const load = (target: DicomTarget, clients: number) =>
    measure(target, () => wadoFrameLoad(frameUrls(target.dicomwebUrl, series), { clients, headers: target.readerHeaders, minFrameBytes: FRAME_BYTES }));
  for (const target of targets) {
    sampler.phase(`${target.name}:wado`);
    const warm = await load(target, opts.wadoClients);
    failOnWadoErrors(target, warm.result, "warm-up");
    log(`WADO-RS warm-up on ${target.name} (not counted): ${warm.result.frames} frames in ${(warm.elapsedMs / 1000).toFixed(2)} s`);
  }
  const passes: Record<TargetName, WadoResult[]> = { ours: [], orthanc: [] };
  for (let pass = 0; pass < opts.wadoPasses; pass++) {
    for (const target of pass % 2 === 0 ? targets : [...targets].reverse()) {
      sampler.phase(`${target.name}:wado`);
      const run = await load(target, opts.wadoClients);
      failOnWadoErrors(target, run.result, `pass ${pass + 1}`);
      const cpu = `server CPU ${run.serverCpu.toFixed(2)} s${target.name === "ours" ? `, PostgreSQL ${run.helperCpu.toFixed(2)} s` : ""}, other ${run.otherCpu.toFixed(2)} s, steal ${run.stealCpu.toFixed(2)} s`;
      log(`WADO-RS pass ${pass + 1} on ${target.name}: ${run.result.frames} frames in ${(run.elapsedMs / 1000).toFixed(2)} s (${cpu})`);
      passes[target.name].push(run);
    }
  }
  return { ours: passes.ours[0] ? passes.ours : null, orthanc: passes.orthanc[0] ? passes.orthanc : null };
}

function about(opts: Options, orthancVersion: string): string {
  return `
Our production server (\`npm run serve\` code, fresh embedded PostgreSQL, demo mode, filesystem
archive, its own process) and Orthanc ${orthancVersion} (Debian's package with its DICOMweb plugin, default
settings, throw-away storage) run side by side on the same machine; each workload runs on one
server while the other is idle. The data is a generated head CT (\`ctHeadSeries\`, ${opts.slices} slices
of 512 × 512, 16-bit, Explicit VR Little Endian). A warm-up ingest (one STOW-RS and one C-STORE series
per server, the same load) is not counted: our server's first series after start runs code the
JIT has not compiled yet. Each of the ${opts.ingestRuns} measured ingest runs generates two new
series (their own seeds) and sends one by STOW-RS, the other by C-STORE, to both servers, the
order alternating between runs; disks are synced before each send. The series carry the
accession number and patient of a request at the demo site SAL, so our server links them to it
on ingest, as in use.

- **STOW-RS**: the same client for both servers: ${opts.stowBatch} instances per multipart/related request,
  ${opts.stowParallel} requests in flight over keep-alive connections; our server with the site's bearer token.
  Bodies are built before the clock starts. Instances/s = instances / wall time of the whole send.
- **C-STORE**: DCMTK \`storescu\` sends the folder over one association (as a PACS forwarding a
  series), calling AE title SAL_PACS; timed from process start to exit. ${opts.orthancNagle ? "Orthanc runs with DCMTK's default TCP settings (Nagle on)." : "Orthanc runs with \`TCP_NODELAY=1\` in its environment: DCMTK otherwise leaves Nagle's algorithm on, and Orthanc's C-STORE response, written in two pieces, waits for storescu's delayed ACK, ~43 ms an instance (~20 instances/s; \`--orthanc-nagle\` measures that)."}
  Both ingests are checked afterwards by QIDO-RS (the instances listed must be all of them).
- **WADO-RS frames**: ${opts.wadoClients} concurrent viewers, each on its own keep-alive connection, **each fetching
  every frame of the series** (frame 1 of each instance, \`Accept: multipart/related;
  type="application/octet-stream"; transfer-syntax=*\`, one request per frame, as Cornerstone
  does), starting at staggered offsets; ${opts.wadoClients} × ${opts.slices} frames per pass, on the first STOW-RS series.
  One warm-up pass of the same load per server is not counted (our first pass after start is
  slower); then ${opts.wadoPasses} measured passes alternate which server goes first. Our reads carry a radiologist's session cookie (radio.dubois, reading
  for SAL, who claims the request first: only its holder views its images); any failed or short
  answer stops the bench. MB/s counts answer bodies (frames plus multipart framing), MB = 10⁶ bytes.
- **Memory**: VmRSS of each server process sampled every 100 ms during the workloads (parse
  worker threads included; our embedded PostgreSQL is separate, \`postgres_rss\`), and VmHWM.

Ratios are ours / Orthanc: above 1 means faster for throughput, below 1 means smaller for
memory. The clients (and \`storescu\`) share the machine's cores with the servers;
\`background_cpu\` and \`steal_cpu\` tell how much else the machine (and its host) was doing.
`;
}
