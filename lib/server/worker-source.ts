import "server-only";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Where a worker thread's TypeScript source is, for the module (`here`: its import.meta.url)
 * that bundles it. Run from source (tsx, tests), it is beside that module; in the compiled
 * server (lib/cli/build-server.ts: one file under .next/), import.meta.url is the bundle's, and
 * the source is the project's own copy, one directory up from .next/.
 */
export function workerSource(here: string, besideModule: string, fromProjectRoot: string): string {
  const beside = fileURLToPath(new URL(besideModule, here));
  return existsSync(beside) ? beside : fileURLToPath(new URL(`../${fromProjectRoot}`, here));
}
