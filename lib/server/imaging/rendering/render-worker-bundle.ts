import "server-only";
import { workerSource } from "../../worker-source";
import { bundleWorker } from "../../worker-bundle";

/**
 * The decode worker as one plain JavaScript file (lib/server/worker-bundle.ts says why).
 * dcmjs-codecs stays outside the bundle: it loads its WebAssembly from beside its own file.
 */
export function renderWorkerBundle(): string {
  return bundleWorker("render-worker", workerSource(import.meta.url, "./render-worker.ts", "lib/server/imaging/rendering/render-worker.ts"), ["dcmjs-codecs"]);
}
