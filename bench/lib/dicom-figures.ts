// The DICOM bench's measurements turned into its published figures: each workload for both
// servers, the ratio ours / Orthanc, CPU per item (where the time goes), memory.
import type { Measured, TargetName } from "./dicom-target";
import { mebibytes, percentile, round, type Figures } from "./report";
import type { RssSampler } from "./rss-sampler";
import type { WadoLoadRun } from "./wado-load";

export const TARGETS = { wadoRatio: 2, ingestRatio: 1.0, ourRssMiB: 400 } as const;

export interface IngestResult extends Omit<Measured<unknown>, "result"> {
  /** Instances the server lists afterwards (QIDO-RS). */
  stored: number;
}

export type WadoResult = Measured<WadoLoadRun>;

export interface DicomResults {
  opts: { slices: number; ingestRuns: number; stowBatch: number; stowParallel: number; wadoClients: number; wadoPasses: number };
  series: { instances: number; bytes: number };
  /** One entry per ingest run (a new series each); C-STORE runs are missing when the port did not answer. */
  stow: Record<TargetName, IngestResult[]>;
  cstore: Record<TargetName, IngestResult[]>;
  wado: Record<TargetName, WadoResult[] | null>;
  /** VmRSS just before the runs. */
  idle: Record<TargetName, number>;
  sampler: RssSampler<TargetName>;
  /** VmHWM after the runs (the whole life of the process, start included). */
  peak: Record<TargetName, number>;
  postgresRss: number;
}

const WHO: Record<TargetName, string> = { ours: "our server", orthanc: "Orthanc" };
const ratio = (ours: number | null, orthanc: number | null): number | null =>
  ours === null || orthanc === null || orthanc === 0 ? null : round(ours / orthanc, 2);
const perItemMs = (seconds: number, items: number): number => round((seconds * 1000) / Math.max(1, items), 2);

/** Several runs as one: instances over the summed wall time, CPU over the summed instances. */
function sumRuns(runs: readonly IngestResult[]): IngestResult | null {
  if (runs.length === 0) return null;
  const sum = (pick: (r: IngestResult) => number) => runs.reduce((total, r) => total + pick(r), 0);
  return {
    elapsedMs: sum((r) => r.elapsedMs),
    serverCpu: sum((r) => r.serverCpu),
    helperCpu: sum((r) => r.helperCpu),
    benchCpu: sum((r) => r.benchCpu),
    otherCpu: sum((r) => r.otherCpu),
    stealCpu: sum((r) => r.stealCpu),
    stored: sum((r) => r.stored),
  };
}

function ingestFigures(kind: "stow" | "cstore", label: string, results: DicomResults): Figures {
  const figures: Figures = {};
  const rate = (r: IngestResult | null) => (r && r.stored > 0 ? round(r.stored / (r.elapsedMs / 1000), 1) : null);
  const runs = results.opts.ingestRuns;
  const totals = { ours: sumRuns(results[kind].ours), orthanc: sumRuns(results[kind].orthanc) };
  for (const name of ["ours", "orthanc"] as const) {
    const r = totals[name];
    const perRun = results[kind][name].map((run) => rate(run) ?? 0).join(", ");
    figures[`${name}_${kind}_instances_per_s`] = {
      value: rate(r),
      unit: "instances/s",
      description: r
        ? `${WHO[name]}: ${label} ingest, instances stored / wall time over ${results[kind][name].length} run(s) (each run: ${perRun})`
        : `${WHO[name]}: ${label} ingest (unavailable: the DICOM port did not answer C-ECHO)`,
    };
    figures[`${name}_${kind}_cpu_per_instance`] = {
      value: r ? perItemMs(r.serverCpu, r.stored) : null,
      unit: "ms",
      description: `${WHO[name]}'s process CPU (all threads) per instance stored by ${label}`,
    };
    if (name === "ours") {
      figures[`ours_${kind}_postgres_cpu_per_instance`] = {
        value: r ? perItemMs(r.helperCpu, r.stored) : null,
        unit: "ms",
        description: `our embedded PostgreSQL's CPU per instance stored by ${label}`,
      };
    }
  }
  figures[`${kind}_ratio`] = {
    value: ratio(rate(totals.ours), rate(totals.orthanc)),
    unit: "x",
    description: `${label} instances/s, ours / Orthanc, ${runs} run(s) each (target ≥ ${TARGETS.ingestRatio.toFixed(1)})`,
  };
  return figures;
}

function wadoFigures(results: DicomResults): Figures {
  const figures: Figures = {};
  const total = (runs: WadoResult[] | null) => {
    if (!runs) return null;
    const sum = (pick: (r: WadoResult) => number) => runs.reduce((s, r) => s + pick(r), 0);
    const seconds = sum((r) => r.elapsedMs) / 1000;
    const frames = sum((r) => r.result.frames - r.result.errors);
    const latencies = runs.flatMap((r) => r.result.latencies).sort((a, b) => a - b);
    return {
      framesPerS: round(frames / seconds, 1),
      mbPerS: round(sum((r) => r.result.bytes) / 1e6 / seconds, 1),
      errors: sum((r) => r.result.errors),
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      serverCpu: perItemMs(sum((r) => r.serverCpu), frames),
      helperCpu: perItemMs(sum((r) => r.helperCpu), frames),
      benchCpu: perItemMs(sum((r) => r.benchCpu), frames),
    };
  };
  const ours = total(results.wado.ours);
  const orthanc = total(results.wado.orthanc);
  const { wadoClients, wadoPasses, slices } = results.opts;
  figures.wado_frames_per_pass = { value: wadoClients * slices, unit: "frames", description: `${wadoClients} viewers × ${slices} frames each (every viewer fetches every frame), ${wadoPasses} measured passes per server` };
  for (const [name, t] of [["ours", ours], ["orthanc", orthanc]] as const) {
    figures[`${name}_wado_frames_per_s`] = { value: t?.framesPerS ?? null, unit: "frames/s", description: `${WHO[name]}: WADO-RS frames served per second, ${wadoClients} concurrent viewers` };
    figures[`${name}_wado_mb_per_s`] = { value: t?.mbPerS ?? null, unit: "MB/s", description: `${WHO[name]}: answer bytes per second (MB = 10⁶ bytes)` };
    figures[`${name}_wado_latency_p50`] = { value: t?.p50 ?? null, unit: "ms", description: `${WHO[name]}: round trip of one frame request, median` };
    figures[`${name}_wado_latency_p99`] = { value: t?.p99 ?? null, unit: "ms", description: "same, 99th percentile" };
    figures[`${name}_wado_errors`] = { value: t?.errors ?? null, unit: "requests", description: `${WHO[name]}: failed or short frame answers (not counted as frames)` };
    figures[`${name}_wado_cpu_per_frame`] = { value: t?.serverCpu ?? null, unit: "ms", description: `${WHO[name]}'s process CPU per frame served` };
  }
  figures.ours_wado_postgres_cpu_per_frame = { value: ours?.helperCpu ?? null, unit: "ms", description: "our embedded PostgreSQL's CPU per frame served" };
  figures.wado_bench_cpu_per_frame = { value: ours && orthanc ? round((ours.benchCpu + orthanc.benchCpu) / 2, 2) : null, unit: "ms", description: "the bench's own CPU (the viewers) per frame, on the same cores" };
  figures.wado_ratio = { value: ratio(ours?.framesPerS ?? null, orthanc?.framesPerS ?? null), unit: "x", description: `frames/s, ours / Orthanc (target ≥ ${TARGETS.wadoRatio})` };
  return figures;
}

function memoryFigures(results: DicomResults): Figures {
  const { sampler } = results;
  const ownPhases = (name: TargetName) => ["stow", "cstore", "wado"].map((phase) => `${name}:${phase}`);
  const figures: Figures = {};
  for (const name of ["ours", "orthanc"] as const) {
    figures[`${name}_rss_idle`] = { value: mebibytes(results.idle[name]), unit: "MiB", description: `${WHO[name]}'s RSS just before the runs` };
    figures[`${name}_rss_max`] = { value: mebibytes(sampler.maxBytes(name)), unit: "MiB", description: `highest RSS of ${WHO[name]} sampled every 100 ms during all the runs (${sampler.samples(name)} samples)` };
    figures[`${name}_rss_mean`] = { value: mebibytes(sampler.meanBytes(name, ownPhases(name))), unit: "MiB", description: `mean RSS of ${WHO[name]} while it was the one working` };
    for (const phase of ["stow", "cstore", "wado"]) {
      figures[`${name}_rss_max_${phase}`] = { value: mebibytes(sampler.maxBytes(name, [`${name}:${phase}`])), unit: "MiB", description: `highest RSS of ${WHO[name]} during its own ${phase} run` };
      figures[`${name}_rss_steady_${phase}`] = { value: mebibytes(sampler.medianBytes(name, [`${name}:${phase}`])), unit: "MiB", description: `median RSS of ${WHO[name]} during its own ${phase} run (its steady level)` };
    }
    figures[`${name}_rss_peak`] = { value: mebibytes(results.peak[name]), unit: "MiB", description: `VmHWM: ${WHO[name]}'s peak RSS over its whole life${name === "ours" ? " (start and the demo seed's own CT ingest included)" : ""}` };
  }
  figures.rss_max_ratio = { value: ratio(sampler.maxBytes("ours"), sampler.maxBytes("orthanc")), unit: "x", description: "highest RSS during the runs, ours / Orthanc (below 1: smaller)" };
  figures.ours_rss_max_over_target = { value: round(mebibytes(sampler.maxBytes("ours")) / TARGETS.ourRssMiB, 2), unit: "x", description: `our highest RSS during the runs / ${TARGETS.ourRssMiB} MiB (< 1 meets the target)` };
  figures.postgres_rss = { value: mebibytes(results.postgresRss), unit: "MiB", description: "sum over our embedded PostgreSQL's processes after the runs (over-counts shared buffers)" };
  return figures;
}

/** CPU that neither the server under test, its PostgreSQL nor the bench used, during the measured runs; and steal. */
function backgroundFigure(results: DicomResults): Figures {
  const runs = [
    ...results.stow.ours, ...results.stow.orthanc, ...results.cstore.ours, ...results.cstore.orthanc,
    ...(results.wado.ours ?? []), ...(results.wado.orthanc ?? []),
  ];
  const seconds = runs.reduce((sum, r) => sum + r.elapsedMs / 1000, 0);
  const mean = (pick: (r: Omit<IngestResult, "stored">) => number) => round(runs.reduce((sum, r) => sum + pick(r), 0) / Math.max(seconds, 1e-9), 2);
  return {
    background_cpu: { value: mean((r) => r.otherCpu), unit: "cores", description: "mean CPU used meanwhile by other processes (the idle server, other users of the machine): noise in the figures when high" },
    steal_cpu: { value: mean((r) => r.stealCpu), unit: "cores", description: "mean CPU the hypervisor gave to other guests meanwhile (steal): the figures are slower when high" },
  };
}

export function dicomFigures(results: DicomResults): Figures {
  return {
    series_instances: { value: results.series.instances, unit: "instances", description: "CT slices per series (512 × 512, 16-bit)" },
    series_size: { value: round(results.series.bytes / 1e6, 1), unit: "MB", description: "bytes of one series' files" },
    ...ingestFigures("stow", "STOW-RS", results),
    ...ingestFigures("cstore", "C-STORE", results),
    ...wadoFigures(results),
    ...memoryFigures(results),
    ...backgroundFigure(results),
  };
}
