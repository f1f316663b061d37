// The server's worker threads, each built into one plain JavaScript file: at `npm run build`
// for production (lib/server/build/server-bundle.ts), on the fly from source for `npm run dev`
// and the tests (lib/server/worker-bundle.ts). One list, so both build the same workers the
// same way. No "server-only" marker: the build script imports it outside the server.
import type { BuildOptions } from "esbuild";

export interface WorkerEntry {
  /** The TypeScript entry, beside this module. */
  source: URL;
  /** Packages left outside the bundle: they load files from beside their own (WebAssembly). */
  external: string[];
}

export const WORKER_ENTRIES = {
  "parse-worker": { source: new URL("./imaging/parsing/parse-worker.ts", import.meta.url), external: [] },
  "render-worker": { source: new URL("./imaging/rendering/render-worker.ts", import.meta.url), external: ["dcmjs-codecs"] },
} satisfies Record<string, WorkerEntry>;

export type WorkerName = keyof typeof WORKER_ENTRIES;

export const WORKER_NAMES = Object.keys(WORKER_ENTRIES) as WorkerName[];

/** esbuild's options for a worker (the entry point and output are the caller's). */
export function workerBuildOptions(name: WorkerName): BuildOptions {
  return { bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "silent", legalComments: "none", external: WORKER_ENTRIES[name].external };
}
