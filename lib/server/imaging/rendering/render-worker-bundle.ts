import "server-only";
import { workerFile } from "../../worker-file";

/**
 * The decode worker as one plain JavaScript file (lib/server/worker-file.ts says how it is built).
 * dcmjs-codecs stays outside the bundle (lib/server/worker-entries.ts): it loads its WebAssembly
 * from beside its own file.
 */
export function renderWorkerBundle(): string {
  return workerFile("render-worker");
}
