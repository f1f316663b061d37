// Stands in for lib/server/worker-file.ts in the production bundle (server-bundle.ts swaps
// them): the workers were built by `npm run build` beside the server bundle, so nothing is
// compiled at run time and esbuild is never loaded.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { WorkerName } from "../worker-entries";
import { WORKERS_DIRECTORY } from "./worker-paths";

const checked = new Set<WorkerName>();

export function workerFile(name: WorkerName): string {
  // import.meta.url is the server bundle's (.next/teleradio-server.mjs): the workers are beside it.
  const file = fileURLToPath(new URL(`./${WORKERS_DIRECTORY}/${name}.cjs`, import.meta.url));
  if (!checked.has(name)) {
    // A build from before the workers moved to build time: say what to do rather than fail in the worker.
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\``);
    checked.add(name);
  }
  return file;
}
