// The viewer bench's figures from its runs: the cold opening of each server, the median and
// range of its warm openings, the ratios Orthanc / ours, the targets, memory, and where the
// time goes (the browser's resource timings between the viewer's marks, CPU per process).
import { mebibytes, round, type Figures } from "./report";
import type { Memory, ViewerRun, ViewerTargetName } from "./viewer-run";

const TARGET_FIRST_IMAGE_MS = 500;
const TARGET_STACK_LOADED_MS = 3000;

const LABEL: Record<ViewerTargetName, string> = {
  ours: "our server",
  orthanc: "Orthanc (HTTP compression off)",
  orthanc_default: "Orthanc as installed (gzips every frame)",
};

type Pick = (run: ViewerRun) => number | null;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const defined = (values: (number | null)[]): number[] => values.filter((v): v is number => v !== null && Number.isFinite(v));
const span = (from: number | null, to: number | null): number | null => (from === null || to === null ? null : to - from);
const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : round(a / b, 2));
const ms = (value: number | null): number | null => (value === null ? null : round(value, 0));
const mib = (bytes: number | null): number | null => (bytes === null ? null : mebibytes(bytes));

const PICK = {
  firstImage: (r) => r.timeline.firstImage,
  stackLoaded: (r) => r.timeline.stackLoaded,
  mpr: (r) => r.mpr?.first ?? null,
  boot: (r) => r.timeline.metadataStart,
  metadata: (r) => span(r.timeline.metadataStart, r.timeline.metadataEnd),
  firstFrame: (r) => span(r.timeline.metadataEnd, r.timeline.firstFrameEnd),
  firstRender: (r) => span(r.timeline.firstFrameEnd, r.timeline.firstImage),
  frames: (r) => span(r.timeline.firstFrameStart, r.timeline.lastFrameEnd),
  framesPerSecond: (r) => {
    const elapsed = span(r.timeline.firstFrameStart, r.timeline.lastFrameEnd);
    return elapsed ? r.timeline.frames / (elapsed / 1000) : null;
  },
  decodeTail: (r) => span(r.timeline.lastFrameEnd, r.timeline.stackLoaded),
} satisfies Record<string, Pick>;

export function viewerFigures(runs: readonly ViewerRun[], opts: { warmRuns: number; mpr: boolean; targets: readonly ViewerTargetName[] }): Figures {
  const figures: Figures = {};
  const add = (name: string, value: number | null, unit: string, description: string) => (figures[name] = { value, unit, description });
  const cold = (target: ViewerTargetName) => runs.find((r) => r.target === target && r.cold);
  const warm = (target: ViewerTargetName) => runs.filter((r) => r.target === target && !r.cold);
  const warmMedian = (target: ViewerTargetName, pick: Pick) => median(defined(warm(target).map(pick)));
  const range = (target: ViewerTargetName, pick: Pick, digits = 0) => {
    const values = defined(warm(target).map(pick));
    return values.length === 0 ? "no run" : `${values.length} runs, ${round(Math.min(...values), digits)}–${round(Math.max(...values), digits)}`;
  };
  const others = opts.targets.filter((t) => t !== "ours");

  // The three figures of the issue, per server: cold, then warm median (range in the description).
  for (const target of opts.targets) {
    const who = LABEL[target];
    const c = cold(target);
    add(`viewer.${target}.cold.first_image_ms`, ms(c ? PICK.firstImage(c) : null), "ms", `${who}, cold (first opening in a new browser on a new profile): navigation → first image of viewport 0 (\`viewer:first-image\`)`);
    add(`viewer.${target}.cold.stack_loaded_ms`, ms(c ? PICK.stackLoaded(c) : null), "ms", `same opening: navigation → every frame of the series in memory (\`viewer:stack-loaded\`)`);
    if (opts.mpr) add(`viewer.${target}.cold.mpr_render_ms`, ms(c ? PICK.mpr(c) : null), "ms", `same opening: click on MPR → first reformat rendered with its volume (\`viewer:mpr-render\`)`);
    add(`viewer.${target}.first_image_ms`, ms(warmMedian(target, PICK.firstImage)), "ms", `${who}, warm (viewer code cached, study never seen), median (${range(target, PICK.firstImage)}): navigation → first image`);
    add(`viewer.${target}.stack_loaded_ms`, ms(warmMedian(target, PICK.stackLoaded)), "ms", `same, navigation → whole stack loaded (${range(target, PICK.stackLoaded)})`);
    if (opts.mpr) add(`viewer.${target}.mpr_render_ms`, ms(warmMedian(target, PICK.mpr)), "ms", `same, click on MPR → first reformat rendered (${range(target, PICK.mpr)})`);
  }

  // Orthanc / ours: above 1, ours is faster.
  for (const other of others) {
    const name = `viewer.ratio.${other}_over_ours`;
    const both = (pick: Pick) => ratio(warmMedian(other, pick), warmMedian("ours", pick));
    const bothCold = (pick: Pick) => {
      const [a, b] = [cold(other), cold("ours")];
      return ratio(a ? pick(a) : null, b ? pick(b) : null);
    };
    add(`${name}.first_image`, both(PICK.firstImage), "x", `first image, warm medians, ${LABEL[other]} / ours (≥ 1: ours at least as fast)`);
    add(`${name}.stack_loaded`, both(PICK.stackLoaded), "x", `whole stack loaded, warm medians, ${other} / ours`);
    if (opts.mpr) add(`${name}.mpr_render`, both(PICK.mpr), "x", `first reformat, warm medians, ${other} / ours`);
    add(`${name}.cold.first_image`, bothCold(PICK.firstImage), "x", `first image, cold openings, ${other} / ours`);
    add(`${name}.cold.stack_loaded`, bothCold(PICK.stackLoaded), "x", `whole stack loaded, cold openings, ${other} / ours`);
  }

  const oursCold = cold("ours");
  add("viewer.ours.first_image_over_target", ratio(warmMedian("ours", PICK.firstImage), TARGET_FIRST_IMAGE_MS), "x", `warm median first image / ${TARGET_FIRST_IMAGE_MS} ms target (≤ 1 meets it)`);
  add("viewer.ours.stack_loaded_over_target", ratio(warmMedian("ours", PICK.stackLoaded), TARGET_STACK_LOADED_MS), "x", `warm median whole stack / ${TARGET_STACK_LOADED_MS} ms target (≤ 1 meets it)`);
  add("viewer.ours.cold.first_image_over_target", ratio(oursCold ? PICK.firstImage(oursCold) : null, TARGET_FIRST_IMAGE_MS), "x", "the same for the cold opening");
  add("viewer.ours.cold.stack_loaded_over_target", ratio(oursCold ? PICK.stackLoaded(oursCold) : null, TARGET_STACK_LOADED_MS), "x", "the same for the cold opening");

  // Memory after the stack loaded (and after MPR): it depends on the viewer, not on the server.
  for (const target of opts.targets.filter((t) => t !== "orthanc_default")) {
    const at = (pick: (m: Memory) => number | null, afterMpr = false) =>
      mib(
        median(
          defined(
            warm(target).map((r) => {
              const memory = afterMpr ? r.memoryAfterMpr : r.memory;
              return memory ? pick(memory) : null;
            }),
          ),
        ),
      );
    const p = `viewer.${target}`;
    add(`${p}.js_heap_mb`, at((m) => m.jsHeapBytes), "MiB", `${LABEL[target]}, warm median after the stack loaded: V8 heap used by the page's main thread (CDP Runtime.getHeapUsage)`);
    add(`${p}.array_buffers_mb`, at((m) => m.arrayBufferBytes), "MiB", "same moment: the main thread's ArrayBuffer backing stores (pixel data lives there, outside the heap)");
    add(`${p}.image_cache_mb`, at((m) => m.cacheBytes), "MiB", "same moment: Cornerstone's image cache (`teleradioViewerDiagnostics().cacheBytes`)");
    add(`${p}.renderer_mb`, at((m) => m.rendererPss), "MiB", "same moment: PSS of the page's renderer process (main thread, decode worker, Blink, V8)");
    add(`${p}.gpu_mb`, at((m) => m.gpuPss), "MiB", "same moment: PSS of Chromium's GPU process (SwiftShader: WebGL textures are in its memory)");
    add(`${p}.chromium_mb`, at((m) => m.totalPss), "MiB", "same moment: PSS of all Chromium's processes together");
    add(`${p}.first_image.renderer_mb`, mib(median(warm(target).map((r) => r.memoryAtFirstImage.rendererPss))), "MiB", "earlier, as the first image showed (viewer code loaded, one frame): renderer PSS");
    if (opts.mpr) {
      add(`${p}.mpr.renderer_mb`, at((m) => m.rendererPss, true), "MiB", "after MPR (three reformats on screen): renderer PSS");
      add(`${p}.mpr.gpu_mb`, at((m) => m.gpuPss, true), "MiB", "after MPR: GPU process PSS (the volume's 3D texture)");
    }
  }

  // Where the time goes, warm medians: the browser's resource timings between the viewer's marks.
  for (const target of opts.targets) {
    const p = `viewer.${target}`;
    const med = (pick: Pick) => ms(warmMedian(target, pick));
    const cpu = (pick: (r: ViewerRun) => number) => {
      const value = median(warm(target).map(pick));
      return value === null ? null : round(value, 2);
    };
    add(`${p}.boot_ms`, med(PICK.boot), "ms", `${LABEL[target]}, warm medians: navigation → series metadata requested (HTML, script chunks, compile, React, Cornerstone init)`);
    add(`${p}.metadata_ms`, med(PICK.metadata), "ms", "series metadata request → its answer's last byte");
    add(`${p}.first_frame_ms`, med(PICK.firstFrame), "ms", "metadata answer → first frame's answer (stack set, frame requested and served)");
    add(`${p}.first_render_ms`, med(PICK.firstRender), "ms", "first frame's answer → first image on screen (decode worker, cache, WebGL upload and render)");
    add(`${p}.frames_ms`, med(PICK.frames), "ms", "first frame requested → last frame's answer (every frame of the series)");
    add(`${p}.frames_per_s`, med(PICK.framesPerSecond), "frames/s", "frames received per second over that span");
    add(`${p}.frames_in_flight`, med((r) => r.timeline.framesInFlightMax), "requests", "most frame requests issued and not yet answered at once (Cornerstone's prefetch issues them all; Chromium sends 6 at a time per host over HTTP/1.1)");
    add(`${p}.frame_request_ms`, med((r) => r.timeline.frameMedianMs), "ms", "one frame request, issued → last byte (waiting in Chromium's queue included), median over the series");
    add(`${p}.decode_tail_ms`, med(PICK.decodeTail), "ms", "last frame's answer → stack loaded (frames still queued for decoding)");
    add(`${p}.main_thread_busy_ms`, ms(median(warm(target).map((r) => r.mainThread.task * 1000))), "ms", "page main thread busy (CDP TaskDuration), navigation → stack loaded");
    add(`${p}.main_thread_script_ms`, ms(median(warm(target).map((r) => r.mainThread.script * 1000))), "ms", "of which JavaScript (CDP ScriptDuration)");
    add(`${p}.renderer_cpu_s`, cpu((r) => r.cpu.renderer), "s", "CPU of the renderer processes (the page's: main thread, decode worker, compositor; Chromium's own idle ones), navigation → stack loaded");
    add(`${p}.gpu_cpu_s`, cpu((r) => r.cpu.gpu), "s", "CPU of the GPU process (SwiftShader renders WebGL there)");
    add(`${p}.browser_cpu_s`, cpu((r) => r.cpu.browser + r.cpu.other), "s", "CPU of Chromium's browser, network and other processes");
    add(`${p}.server_cpu_s`, cpu((r) => r.cpu.server), "s", `CPU of ${target === "ours" ? "our server process (page, thumbnail, metadata, frames; PostgreSQL aside)" : "Orthanc (metadata, frames)"}`);
    if (target !== "ours") add(`${p}.page_server_cpu_s`, cpu((r) => r.cpu.pageServer), "s", "CPU of our server meanwhile (the page, its RSC prefetches, the thumbnail)");
    add(`${p}.machine_cores`, cpu((r) => r.cpu.machine / (r.wallMs / 1000)), "cores", "the whole machine's mean busy cores over the load (2 cores here: 2 = saturated)");
  }
  const oursWarmScripts = median(warm("ours").map((r) => r.scriptNetworkBytes));
  add("viewer.ours.cold.script_kb", oursCold ? round(oursCold.scriptNetworkBytes / 1024, 0) : null, "KiB", "JavaScript received over the network by the cold opening (compressed as sent)");
  add("viewer.ours.script_kb", oursWarmScripts === null ? null : round(oursWarmScripts / 1024, 0), "KiB", "the same for a warm opening, median (the rest comes from the HTTP cache)");
  add("viewer.ours.decode_workers", median(defined(warm("ours").map((r) => r.timeline.diagnostics?.decodeWorkers ?? null))), "workers", "Cornerstone decode workers the viewer started (min(2, cores − 1))");
  add("viewer.ours.cold.boot_ms", ms(oursCold ? PICK.boot(oursCold) : null), "ms", "the cold opening: navigation → metadata requested");

  // Checks: every opening read its images from the server under test, none from the HTTP cache.
  for (const target of opts.targets) {
    const all = runs.filter((r) => r.target === target);
    add(`viewer.${target}.image_requests`, median(all.map((r) => r.imageRequests)), "requests", `per opening, median: metadata and frame requests sent to ${LABEL[target]} (none elsewhere: checked)`);
    add(`viewer.${target}.cached_image_answers`, all.reduce((sum, r) => sum + r.cachedImageAnswers, 0), "answers", "image answers taken from the browser's HTTP cache, all openings (0: every frame was served)");
  }
  add("viewer.busy_starts", runs.filter((r) => !r.quiet).length, "openings", "openings whose navigation started while the machine was still busy after 10 s of waiting (something else ran: the figures are noisier)");
  add("viewer.steal_cpu_s", round(runs.reduce((sum, r) => sum + r.cpu.steal, 0), 2), "s", "CPU the hypervisor gave other guests during all the loads (the figures are slower when high)");
  return figures;
}
