import { getWebWorkerManager } from "@cornerstonejs/core";
import { decodeWorkerCount } from "./init-cornerstone";

// The image loader's decode workers are created once at initialisation and would live as
// long as the page. Leaving the viewer releases them (a reading session opens many studies
// in one tab); opening it again registers them anew with the loader's own worker factory.
// The factory is read from the manager's registry: Cornerstone does not expose it otherwise.

const WORKER = "dicomImageLoader";

interface WorkerRegistryEntry {
  workerFn: () => Worker;
  instances: unknown[];
}

function registryEntry(): WorkerRegistryEntry | undefined {
  const manager = getWebWorkerManager() as unknown as { workerRegistry?: Record<string, WorkerRegistryEntry | undefined> };
  return manager.workerRegistry?.[WORKER];
}

/** How many decode workers are alive (for the viewer's diagnostics and the leak test). */
export function liveDecodeWorkers(): number {
  return registryEntry()?.instances.filter((instance) => instance !== null).length ?? 0;
}

export function releaseDecodeWorkers(): void {
  if (registryEntry()) getWebWorkerManager().terminate(WORKER);
}

export function ensureDecodeWorkers(): void {
  const entry = registryEntry();
  if (!entry || liveDecodeWorkers() > 0) return;
  getWebWorkerManager().registerWorker(WORKER, entry.workerFn, { maxWorkerInstances: decodeWorkerCount(), overwrite: true });
}
