import "server-only";
import { workerSource } from "../../worker-source";
import { bundleWorker } from "../../worker-bundle";

/** The parse worker as one plain JavaScript file (lib/server/worker-bundle.ts says why). */
export function parseWorkerBundle(): string {
  return bundleWorker("parse-worker", workerSource(import.meta.url, "./parse-worker.ts", "lib/server/imaging/parsing/parse-worker.ts"));
}
