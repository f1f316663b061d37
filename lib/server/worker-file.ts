import "server-only";
import { bundleWorker } from "./worker-bundle";
import type { WorkerName } from "./worker-entries";

/**
 * The JavaScript file a worker thread runs. From source (`npm run dev`, tests), the worker is
 * bundled on the fly; the production bundle (lib/server/build/server-bundle.ts) replaces this
 * module with lib/server/build/built-worker-file.ts, which points at the file `npm run build`
 * made, so that the production server never loads esbuild.
 */
export function workerFile(name: WorkerName): string {
  return bundleWorker(name);
}
