import "server-only";
import { createHash } from "node:crypto";
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

// The parse worker as one plain JavaScript file, built once per process. A worker started
// through tsx loads its own TypeScript loader and esbuild service: tens of MB per worker for
// code that never changes while the server runs.
// The file is named after its content: every process (servers, test workers) building the same
// code shares one file, and nothing is left behind per process, even one killed by a signal.
let bundled: string | undefined;

export function parseWorkerBundle(): string {
  if (bundled) return bundled;
  const entry = fileURLToPath(new URL("./parse-worker.ts", import.meta.url));
  const result = buildSync({ entryPoints: [entry], write: false, bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "silent", legalComments: "none", outfile: "parse-worker.cjs" });
  const code = result.outputFiles[0]!.contents;
  const digest = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const outfile = path.join(tmpdir(), `teleradio-parse-worker-${digest}.cjs`);
  if (!existsSync(outfile)) {
    // Written aside then renamed: a concurrent process never loads a half-written file.
    const partial = `${outfile}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, outfile);
  }
  bundled = outfile;
  return outfile;
}
