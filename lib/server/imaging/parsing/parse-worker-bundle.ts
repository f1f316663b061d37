import "server-only";
import { workerFile } from "../../worker-file";

/** The parse worker as one plain JavaScript file (lib/server/worker-file.ts says how it is built). */
export function parseWorkerBundle(): string {
  return workerFile("parse-worker");
}
