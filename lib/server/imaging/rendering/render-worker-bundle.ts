import "server-only";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { workerSource } from "../../worker-source";

// The decode worker as one plain JavaScript file, built once per process (as the parse worker:
// parsing/parse-worker-bundle.ts explains why). dcmjs-codecs stays outside the bundle: it loads
// its WebAssembly from beside its own file in node_modules.
let bundled: string | undefined;

function cacheDirectory(): string {
  const preferred = path.resolve("node_modules", ".cache", "teleradio");
  try {
    mkdirSync(preferred, { recursive: true, mode: 0o700 });
    return preferred;
  } catch {
    const own = mkdtempSync(path.join(tmpdir(), "teleradio-render-worker-"));
    process.once("exit", () => rmSync(own, { recursive: true, force: true }));
    return own;
  }
}

export function renderWorkerBundle(): string {
  if (bundled) return bundled;
  const entry = workerSource(import.meta.url, "./render-worker.ts", "lib/server/imaging/rendering/render-worker.ts");
  const result = buildSync({
    entryPoints: [entry],
    write: false,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "silent",
    legalComments: "none",
    outfile: "render-worker.cjs",
    external: ["dcmjs-codecs"],
  });
  const code = Buffer.from(result.outputFiles[0]!.contents);
  const digest = createHash("sha256").update(code).digest("hex").slice(0, 16);
  // Inside node_modules/.cache, so that require("dcmjs-codecs") resolves to the project's copy.
  const outfile = path.join(cacheDirectory(), `render-worker-${digest}.cjs`);
  let current: Buffer | null = null;
  try {
    current = readFileSync(outfile);
  } catch {
    current = null;
  }
  if (!current?.equals(code)) {
    const partial = `${outfile}.${process.pid}.tmp`;
    writeFileSync(partial, code, { mode: 0o600 });
    renameSync(partial, outfile);
  }
  bundled = outfile;
  return outfile;
}
