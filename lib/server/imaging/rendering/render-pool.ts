import "server-only";
import { Worker } from "node:worker_threads";
import type { WorkerReady, WorkReply, WorkRequest, WorkTask } from "./render-messages";
import { renderWorkerBundle } from "./render-worker-bundle";

// A few worker threads decoding and rendering frames: the request thread never runs a codec
// (a 2500×2048 JPEG 2000 radiograph takes a second of CPU). Each task has a deadline and each
// worker a heap ceiling; a worker that exceeds either, crashes or exits is replaced and the
// task fails alone. Tasks queue (bounded) when every worker is busy; workers stop after 15
// quiet seconds, so an idle server keeps no codec heap (RSS budget).

export class RenderFailure extends Error {
  constructor(
    message: string,
    /** The image cannot be rendered (unsupported or damaged): 406/422 rather than 503. */
    readonly unrenderable: boolean,
  ) {
    super(message);
  }
}

export interface RenderPool {
  run(request: WorkRequest, input: Uint8Array): Promise<Buffer>;
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  workers: number;
  timeoutMs: number;
  maxHeapMb: number;
  maxQueue: number;
}

interface Job {
  task: WorkTask;
  resolve: (value: Buffer) => void;
  reject: (reason: RenderFailure) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  retiring: boolean;
  idleTimer: NodeJS.Timeout | null;
  ready: boolean;
}

const IDLE_MS = 15_000;

export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const queue: Job[] = [];
  const slots: (Slot | null)[] = Array.from({ length: options.workers }, () => null);
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = {
      worker: new Worker(renderWorkerBundle(), { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: 32 } }),
      job: null,
      timer: null,
      retiring: false,
      idleTimer: null,
      ready: false,
    };
    slot.worker.on("message", (message: WorkReply | WorkerReady) => {
      if ("ready" in message) {
        slot.ready = true;
        pump();
      } else settle(slot, message);
    });
    slot.worker.on("error", (error: Error & { code?: string }) => {
      slot.retiring = true;
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      fail(slot, new RenderFailure(outOfMemory ? `decoding needed more than ${options.maxHeapMb} MB` : `decoder failure: ${error.message}`, outOfMemory));
    });
    slot.worker.on("exit", () => {
      if (slot.job) fail(slot, new RenderFailure("the decoder stopped unexpectedly", false));
      const index = slots.indexOf(slot);
      if (index >= 0) slots[index] = null;
      pump();
    });
    slot.worker.unref();
    return slot;
  };

  const retireWhenIdle = (slot: Slot): void => {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (slot.job) return;
      slot.retiring = true;
      void slot.worker.terminate();
    }, IDLE_MS);
    slot.idleTimer.unref();
  };

  const settle = (slot: Slot, reply: WorkReply): void => {
    const job = slot.job;
    if (!job || job.task.id !== reply.id) return;
    clear(slot);
    if (reply.ok) job.resolve(Buffer.from(reply.buffer));
    else job.reject(new RenderFailure(reply.message, reply.unrenderable));
    retireWhenIdle(slot);
    pump();
  };

  const fail = (slot: Slot, reason: RenderFailure): void => {
    const job = slot.job;
    clear(slot);
    job?.reject(reason);
  };

  const clear = (slot: Slot): void => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  };

  const pump = (): void => {
    for (let index = 0; index < slots.length && queue.length > 0 && !closed; index++) {
      const slot = slots[index] ?? (slots[index] = spawn());
      if (!slot.ready || slot.job || slot.retiring) continue;
      const job = queue.shift();
      if (!job) return;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.job = job;
      slot.timer = setTimeout(() => {
        slot.retiring = true;
        fail(slot, new RenderFailure(`decoding took longer than ${options.timeoutMs} ms`, true));
        void slot.worker.terminate();
      }, options.timeoutMs);
      slot.worker.postMessage(job.task, [job.task.buffer]);
    }
  };

  return {
    run(request, input) {
      if (closed) return Promise.reject(new RenderFailure("the decoder is shut down", false));
      if (queue.length >= options.maxQueue) return Promise.reject(new RenderFailure("too many images being decoded, retry later", false));
      // A private copy: the caller's bytes may be a slice of a larger pooled buffer.
      const buffer = new ArrayBuffer(input.byteLength);
      new Uint8Array(buffer).set(input);
      return new Promise((resolve, reject) => {
        queue.push({ task: { id: nextId++, request, buffer }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new RenderFailure("the decoder is shut down", false));
      await Promise.all(slots.filter((slot): slot is Slot => slot !== null).map((slot) => slot.worker.terminate()));
    },
  };
}

// One pool per process, started at the first image to decode (not part of ImageDeps: a
// server that never renders never loads a codec). Two workers: the machine has two cores and
// frames, not renders, are the hot path.
const slot = globalThis as unknown as { __teleradioRenderPool?: RenderPool };

export function renderPool(): RenderPool {
  slot.__teleradioRenderPool ??= createRenderPool({ workers: 2, timeoutMs: 30_000, maxHeapMb: 256, maxQueue: 200 });
  return slot.__teleradioRenderPool;
}
