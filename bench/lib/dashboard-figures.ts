// The dashboard bench's figures: `name: value unit` lines, bench/results/dashboard.json and
// its docs/benchmarks.md section (bench/lib/report.ts).
import type { BoardCounters } from "@/lib/domain/operations/board-view";
import type { HistoryMarker } from "./dashboard-database";
import type { Samples } from "./dashboard-timing";
import { mebibytes, round, type Figures } from "./report";

export const TARGET_DASHBOARD_MS = 300;
export const TARGET_BOARD_MS = 50;

export interface VariantResult {
  name: string;
  description: string;
  samples: Samples;
  /** Requests submitted in the filtered period (what the figures are over). */
  submitted: number;
}

export interface DashboardResults {
  marker: HistoryMarker;
  generatedNow: boolean;
  stats: { databaseBytes: number; eventsBytes: number; requestsBytes: number; milestonesBytes: number; requestRows: number; eventRows: number };
  cold: Samples;
  /** Heap growth over the first cold call: the index and what the call kept (approximate: GC runs when it likes). */
  indexBytes: number | null;
  variants: VariantResult[];
  payloadBytes: number;
  board: Samples;
  boardFirstMs: number;
  boardCounters: BoardCounters;
  /** 1-minute load average before and after the measurements (2 cores: above ~1, others compete). */
  loadAverage: { before: number; after: number };
}

const ratio = (value: number, target: number) => round(value / target, 2);

export function dashboardFigures(results: DashboardResults): Figures {
  const figures: Figures = {};
  const add = (name: string, value: number | null, unit: string, description: string) => {
    figures[name] = { value, unit, description };
  };
  const { marker, stats } = results;
  const generation = marker.result.seconds;

  add("dashboard.cold_ms", round(results.cold.p50), "ms", `first call of a new client (loads the in-memory index of the year), median of ${results.cold.sorted.length}`);
  add("dashboard.cold_max_ms", results.cold.max, "ms", "slowest cold call");
  for (const variant of results.variants) {
    const prefix = `dashboard.${variant.name}`;
    add(`${prefix}.p50_ms`, variant.samples.p50, "ms", `warm, ${variant.description} (${variant.submitted.toLocaleString("en")} requests)`);
    add(`${prefix}.p95_ms`, variant.samples.p95, "ms", "same, 95th percentile");
    add(`${prefix}.max_ms`, variant.samples.max, "ms", "same, slowest call");
  }
  const worst = results.variants.reduce((max, variant) => Math.max(max, variant.samples.p95), 0);
  add("dashboard.p95_x_over_target", ratio(worst, TARGET_DASHBOARD_MS), "x", `worst warm p95 of the variants / ${TARGET_DASHBOARD_MS} ms target (≤ 1 meets it)`);
  add("dashboard.cold_x_over_target", ratio(results.cold.p50, TARGET_DASHBOARD_MS), "x", `cold call / ${TARGET_DASHBOARD_MS} ms (once per server start)`);
  add("dashboard.index_heap_mib", results.indexBytes === null ? null : mebibytes(results.indexBytes), "MiB", "JavaScript heap + array buffers grown by the first cold call (approximate)");
  add("dashboard.payload_kib", round(results.payloadBytes / 1024), "KiB", "the whole-territory view as JSON");

  add("board.first_ms", round(results.boardFirstMs), "ms", "first board call (its queries not yet cached by PostgreSQL)");
  add("board.p50_ms", results.board.p50, "ms", `live operations board at the end of the year (${results.boardCounters.open.toLocaleString("en")} open requests)`);
  add("board.p95_ms", results.board.p95, "ms", "same, 95th percentile");
  add("board.max_ms", results.board.max, "ms", "same, slowest call");
  add("board.p95_x_over_target", ratio(results.board.p95, TARGET_BOARD_MS), "x", `p95 / ${TARGET_BOARD_MS} ms target (≤ 1 meets it)`);
  add("board.open", results.boardCounters.open, "requests", "open requests the board counts");
  add("board.at_risk", results.boardCounters.atRisk, "requests", "of which at risk or late");
  add("board.escalated", results.boardCounters.escalated, "requests", "of which escalated");

  add("bench.load_average", round(Math.max(results.loadAverage.before, results.loadAverage.after), 2), "(1-min)", "the machine's 1-minute load average around the measurements (above 2, the core count, other work was sharing the CPU)");

  add("history.requests", stats.requestRows, "requests", `in the database (${marker.requests.toLocaleString("en")} finished + ${marker.open.toLocaleString("en")} open, seed ${marker.seed})`);
  add("history.events", stats.eventRows, "events", "RequestEvent rows (the timelines)");
  const loadNote = marker.loadAverage === undefined ? "" : `, load average ${marker.loadAverage} then`;
  add("history.generation_s", generation.total, "s", `generating the history${results.generatedNow ? " (this run" : ` (on ${marker.generatedAt.slice(0, 10)}, reused`}${loadNote})`);
  add("history.insert_requests_per_s", round(marker.requests / Math.max(generation.requests, 0.1), 0), "requests/s", "requests with their events inserted per second (set-based SQL)");
  add("history.indexes_s", generation.indexes, "s", "building the secondary indexes after the load");
  add("history.milestones_s", generation.milestones, "s", "request_milestones_rebuild() over the whole history");
  add("history.vacuum_analyze_s", generation.analyze, "s", "VACUUM (ANALYZE) after the load");
  add("history.database_mib", mebibytes(stats.databaseBytes), "MiB", "database size");
  add("history.events_table_mib", mebibytes(stats.eventsBytes), "MiB", "RequestEvent with its indexes");
  add("history.requests_table_mib", mebibytes(stats.requestsBytes), "MiB", "ReadingRequest with its indexes");
  add("history.milestones_table_mib", mebibytes(stats.milestonesBytes), "MiB", "RequestMilestones with its indexes");
  return figures;
}
