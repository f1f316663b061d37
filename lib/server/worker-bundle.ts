import "server-only";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { WORKER_ENTRIES, workerBuildOptions, type WorkerName } from "./worker-entries";

// A worker thread's code as one plain JavaScript file, built from source once per process: the
// way `npm run dev` and the tests run workers (production loads the files `npm run build` made,
// lib/server/build/built-worker-file.ts, and never loads esbuild). Building here rather than
// requiring a fresh `npm run build` keeps a worker edit live at the next start, and a worker
// started through tsx would load its own TypeScript loader and esbuild service: tens of MB per
// worker for code that never changes while the server runs.
// The file is named after its content and kept in the project's own cache directory (not the
// shared /tmp, where another local user could plant a file of that name for the server to run),
// and its content is checked before use. Every process building the same code shares one file.

const bundled = new Map<string, string>();

function cacheDirectory(name: string): string {
  const preferred = path.resolve("node_modules", ".cache", "teleradio");
  try {
    mkdirSync(preferred, { recursive: true, mode: 0o700 });
    return preferred;
  } catch {
    // A read-only install: a private directory of this process, removed when it exits.
    const own = mkdtempSync(path.join(tmpdir(), `teleradio-${name}-`));
    process.once("exit", () => rmSync(own, { recursive: true, force: true }));
    return own;
  }
}

/**
 * The path of worker `name` (lib/server/worker-entries.ts) bundled from its source. The file
 * sits inside node_modules/.cache so that the packages left outside the bundle resolve to the
 * project's copy.
 */
export function bundleWorker(name: WorkerName): string {
  const known = bundled.get(name);
  if (known) return known;
  const result = buildSync({ ...workerBuildOptions(name), entryPoints: [fileURLToPath(WORKER_ENTRIES[name].source)], write: false, outfile: `${name}.cjs` });
  const code = Buffer.from(result.outputFiles[0]!.contents);
  const digest = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const outfile = path.join(cacheDirectory(name), `${name}-${digest}.cjs`);
  let current: Buffer | null = null;
  try {
    current = readFileSync(outfile);
  } catch {
    current = null;
  }
  if (!current?.equals(code)) {
    // Written aside then renamed: a concurrent process never loads a half-written file.
    const partial = `${outfile}.${process.pid}.tmp`;
    writeFileSync(partial, code, { mode: 0o600 });
    renameSync(partial, outfile);
  }
  bundled.set(name, outfile);
  return outfile;
}
