import "server-only";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";

// A worker thread's code as one plain JavaScript file, built once per process. A worker started
// through tsx loads its own TypeScript loader and esbuild service: tens of MB per worker for
// code that never changes while the server runs.
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
 * The path of the bundled worker `name` built from `entry`. Packages in `external` stay outside
 * the bundle (they load files from beside their own, e.g. WebAssembly); the file sits inside
 * node_modules/.cache so that they resolve to the project's copy.
 */
export function bundleWorker(name: string, entry: string, external: string[] = []): string {
  const known = bundled.get(name);
  if (known) return known;
  const result = buildSync({ entryPoints: [entry], write: false, bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "silent", legalComments: "none", outfile: `${name}.cjs`, external });
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
