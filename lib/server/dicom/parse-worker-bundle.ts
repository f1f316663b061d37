import "server-only";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

// The parse worker as one plain JavaScript file, built once per process. A worker started
// through tsx loads its own TypeScript loader and esbuild service: tens of MB per worker for
// code that never changes while the server runs.
let bundled: string | undefined;

export function parseWorkerBundle(): string {
  if (bundled) return bundled;
  const entry = fileURLToPath(new URL("./parse-worker.ts", import.meta.url));
  const directory = mkdtempSync(path.join(tmpdir(), "teleradio-parse-worker-"));
  process.once("exit", () => rmSync(directory, { recursive: true, force: true }));
  const outfile = path.join(directory, "parse-worker.cjs");
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "silent", legalComments: "none" });
  bundled = outfile;
  return outfile;
}
