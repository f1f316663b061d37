// The dashboard bench's database: an embedded PostgreSQL kept under bench/.data/dashboard
// (gitignored), with the year of history generated once and reused while the requested size
// and seed match the marker written beside it. Generating 1M requests takes minutes; the
// dashboards are measured on every run.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/server/db/apply-migrations";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { generateHistory, type HistoryResult } from "@/lib/server/history/generate-history";

export const DASHBOARD_DATA_DIR = path.resolve("bench/.data/dashboard");
const MARKER = path.join(DASHBOARD_DATA_DIR, "history.json");

export interface HistorySpec {
  requests: number;
  open: number;
  seed: number;
  /** ISO instant the year ends at. */
  end: string;
}

export interface HistoryMarker extends HistorySpec {
  generatedAt: string;
  /** The generation's own figures (seconds, rows), reported again by later runs. */
  result: Omit<HistoryResult, "password" | "from" | "end"> & { from: string };
  headEmail: string;
  password: string;
  /** The machine's 1-minute load average when the generation ended: other work slows it down. */
  loadAverage?: number;
}

export interface DashboardDatabase {
  url: string;
  marker: HistoryMarker;
  /** true when this run generated the history (false: reused). */
  generated: boolean;
  stop: () => Promise<void>;
}

function readMarker(): HistoryMarker | null {
  if (!existsSync(MARKER)) return null;
  return JSON.parse(readFileSync(MARKER, "utf8")) as HistoryMarker;
}

const sameSize = (marker: HistoryMarker, spec: Omit<HistorySpec, "end">) =>
  marker.requests === spec.requests && marker.open === spec.open && marker.seed === spec.seed;

/**
 * Starts the bench's cluster; generates the history when there is none of the requested size
 * (a different size starts over from an empty cluster). `end` is only used when generating.
 */
export async function openDashboardDatabase(spec: Omit<HistorySpec, "end"> & { end: Date; pgPort: number; log: (line: string) => void }): Promise<DashboardDatabase> {
  let marker = readMarker();
  if (marker && !sameSize(marker, spec)) {
    spec.log(`[bench] the stored history has ${marker.requests} requests / ${marker.open} open / seed ${marker.seed}: generating a new one`);
    rmSync(DASHBOARD_DATA_DIR, { recursive: true, force: true });
    marker = null;
  } else if (!marker && existsSync(DASHBOARD_DATA_DIR)) {
    // A generation that did not finish: its transaction rolled back, but start clean anyway.
    rmSync(DASHBOARD_DATA_DIR, { recursive: true, force: true });
  }
  const database = await startEmbeddedPostgres({ dataDir: DASHBOARD_DATA_DIR, port: spec.pgPort, database: "teleradio", log: spec.log });
  try {
    await applyMigrations(database.url);
    if (marker) return { url: database.url, marker, generated: false, stop: database.stop };

    spec.log(`[bench] generating ${spec.requests.toLocaleString("en")} requests + ${spec.open.toLocaleString("en")} open (seed ${spec.seed}) into ${path.relative(process.cwd(), DASHBOARD_DATA_DIR)}`);
    const result = await generateHistory(database.url, { requests: spec.requests, open: spec.open, seed: spec.seed, end: spec.end, log: (line) => spec.log(`[history] ${line}`) });
    const { password, from, end, ...figures } = result;
    marker = {
      requests: spec.requests,
      open: spec.open,
      seed: spec.seed,
      end: end.toISOString(),
      generatedAt: new Date().toISOString(),
      result: { ...figures, from: from.toISOString() },
      headEmail: result.territory.headEmail,
      password,
      loadAverage: Number(loadavg()[0]?.toFixed(2)),
    };
    writeFileSync(MARKER, `${JSON.stringify(marker, null, 2)}\n`);
    return { url: database.url, marker, generated: true, stop: database.stop };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
