// How every benchmark reports: `name: value unit` lines on stdout, bench/results/<bench>.json,
// and its section of docs/benchmarks.md (latest figures + the machine they ran on).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";

export interface Figure {
  /** null: the figure could not be measured in this run (printed as "unavailable"). */
  value: number | null;
  unit: string;
  /** One line for the docs table: what the figure means. */
  description: string;
}

export type Figures = Record<string, Figure>;

export interface Machine {
  cpus: number;
  model: string;
  totalmem: string;
  node: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? "unknown",
    totalmem: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
  };
}

export interface CodeVersion {
  commit: string;
  /** Uncommitted changes to the product (bench/ itself aside): the figures are not those of `commit`. */
  dirty: boolean;
}

/** Which code the figures belong to; the server runs from the working tree. */
export function codeVersion(): CodeVersion {
  const git = (...args: string[]) => spawnSync("git", args, { encoding: "utf8" }).stdout?.trim() ?? "";
  // node_modules is the worktree's symlink to the main checkout's, never a change of ours.
  const changed = git("status", "--porcelain", "--", ".", ":!bench", ":!docs/benchmarks.md", ":!node_modules");
  return { commit: git("rev-parse", "--short", "HEAD") || "unknown", dirty: changed.length > 0 };
}

/** Nearest-rank percentile (p in 0..100) of an ascending-sorted array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

const shown = (value: number | null): string => (value === null ? "unavailable" : String(value));

export const mebibytes = (bytes: number): number => round(bytes / 1024 ** 2);

export interface BenchReport {
  bench: string;
  title: string;
  /** Markdown paragraphs: what is measured and how to read it. */
  about: string;
  command: string;
  figures: Figures;
}

export function publish(report: BenchReport): void {
  for (const [name, figure] of Object.entries(report.figures)) console.log(`${name}: ${shown(figure.value)} ${figure.unit}`);

  const date = new Date().toISOString();
  const host = machine();
  const code = codeVersion();
  const figures = Object.fromEntries(Object.entries(report.figures).map(([name, f]) => [name, { value: f.value, unit: f.unit }]));
  const resultsDir = path.resolve("bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, `${report.bench}.json`);
  writeFileSync(jsonFile, `${JSON.stringify({ bench: report.bench, date, machine: host, code, figures }, null, 2)}\n`);
  updateDocs(report, date, host, code);
  console.log(`[bench] wrote ${path.relative(process.cwd(), jsonFile)} and docs/benchmarks.md`);
}

const DOCS = path.resolve("docs/benchmarks.md");
const HEADER = `# Benchmarks

\`npm run bench -- <name>\` runs one benchmark against the production build. Each prints its
figures as \`name: value unit\` lines and writes them to \`bench/results/<name>.json\`; the
section of each benchmark below is rewritten by its latest run (between its markers). Text
outside the markers is kept.
`;

/** Replaces this bench's marked section of docs/benchmarks.md, or appends it; keeps the rest. */
function updateDocs(report: BenchReport, date: string, host: Machine, code: CodeVersion): void {
  const start = `<!-- bench:${report.bench}:start -->`;
  const end = `<!-- bench:${report.bench}:end -->`;
  const rows = Object.entries(report.figures).map(([name, f]) => `| \`${name}\` | ${shown(f.value)} ${f.unit} | ${f.description} |`);
  const section = [
    start,
    `## ${report.title} (\`${report.bench}\`)`,
    "",
    report.about.trim(),
    "",
    `Run: \`${report.command}\``,
    "",
    `Latest run: ${date}, commit ${code.commit}${code.dirty ? " with uncommitted changes" : ""}, on ${host.cpus} × ${host.model}, ${host.totalmem} RAM, Node ${host.node}.`,
    "",
    "| figure | value | meaning |",
    "|---|---|---|",
    ...rows,
    end,
  ].join("\n");

  const current = existsSync(DOCS) ? readFileSync(DOCS, "utf8") : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOCS, next);
}
