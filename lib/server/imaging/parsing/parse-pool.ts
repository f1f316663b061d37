import "server-only";
import { Worker } from "node:worker_threads";
import { DicomRejection } from "@/lib/dicom/dicom-rejection";
import type { DecodedDigests, ParsedForIndex, ParseReply, ParseTask, WorkerReady } from "./parse-messages";
import { parseWorkerBundle } from "./parse-worker-bundle";

// A few worker threads parsing untrusted DICOM. Each parse has a deadline and each worker a
// heap ceiling: a file that exceeds either is refused (PARSE_TIMEOUT / PARSE_MEMORY), its
// worker is replaced, and the server carries on. Parses queue when every worker is busy.
// Workers start with the first parse and stop after 15 quiet seconds: each is a V8 isolate of
// tens of MB that an idle server should not keep, and starting one takes a few tens of ms.

export interface InstanceParser {
  /**
   * Resolves with the parse, the same bytes (moved through the worker) and their SHA-256 (hex), or rejects with a
   * DicomRejection. With decodePixels, also the digests that compare it with a stored copy in
   * another transfer syntax (slower: the pixels are decoded). With `handOver`, the caller gives
   * its buffer away: when the bytes fill it exactly it moves to the worker as it is (the
   * caller's view is emptied), without a copy.
   */
  parse(bytes: Uint8Array, options?: { decodePixels?: boolean; handOver?: boolean }): Promise<{ parsed: ParsedForIndex; bytes: Uint8Array; sha256: string; decoded?: DecodedDigests }>;
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  workers: number;
  timeoutMs: number;
  maxHeapMb: number;
}

interface Job {
  task: ParseTask;
  resolve: (value: { parsed: ParsedForIndex; bytes: Uint8Array; sha256: string; decoded?: DecodedDigests }) => void;
  reject: (reason: DicomRejection) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Set once the worker is being replaced or stopped: it takes no new job. */
  retiring: boolean;
  idleTimer: NodeJS.Timeout | null;
  /** A worker takes jobs once it has loaded the parser: its start-up is not the file's parse time. */
  ready: boolean;
}

const IDLE_MS = 15_000;
// A parse allocates the header's objects (tens of KB; pixel data stays in the transferred
// buffer, outside the heap): a small young generation suffices, and each worker's resident
// memory counts in the server's. 32 MB cost ~2 × 20 MiB of RSS while ingest runs.
const YOUNG_GENERATION_MB = 8;


export function createParsePool(options: ParsePoolOptions): InstanceParser {
  const queue: Job[] = [];
  const slots: (Slot | null)[] = Array.from({ length: options.workers }, () => null);
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = {
      // Built at the first parse, not at start-up: a server receiving no image never needs it.
      worker: new Worker(parseWorkerBundle(), { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }),
      job: null,
      timer: null,
      retiring: false,
      idleTimer: null,
      ready: false,
    };
    slot.worker.on("message", (message: ParseReply | WorkerReady) => {
      if ("ready" in message) {
        slot.ready = true;
        pump();
      } else settle(slot, message);
    });
    slot.worker.on("error", (error: Error & { code?: string }) => {
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      slot.retiring = true;
      fail(slot, new DicomRejection(outOfMemory ? "PARSE_MEMORY" : "MALFORMED", outOfMemory ? `parsing needed more than ${options.maxHeapMb} MB` : `parser failure: ${error.message}`));
    });
    slot.worker.on("exit", () => {
      if (slot.job) fail(slot, new DicomRejection("MALFORMED", "parser stopped unexpectedly"));
      // Its place is free: the next parse starts a fresh worker there.
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

  const settle = (slot: Slot, reply: ParseReply): void => {
    const job = slot.job;
    if (!job || job.task.id !== reply.id) return;
    clear(slot);
    if (reply.ok) job.resolve({ parsed: reply.parsed, bytes: new Uint8Array(reply.buffer), sha256: reply.fileSha256, ...(reply.decoded ? { decoded: reply.decoded } : {}) });
    else job.reject(new DicomRejection(reply.code, reply.message));
    retireWhenIdle(slot);
    pump();
  };

  const fail = (slot: Slot, reason: DicomRejection): void => {
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
        fail(slot, new DicomRejection("PARSE_TIMEOUT", `parsing took longer than ${options.timeoutMs} ms`));
        // terminate() makes the worker exit; the exit handler replaces it.
        void slot.worker.terminate();
      }, options.timeoutMs);
      slot.worker.postMessage(job.task, [job.task.buffer]);
    }
  };

  return {
    parse(bytes, options = {}) {
      if (closed) return Promise.reject(new DicomRejection("MALFORMED", "the parser is shut down"));
      // Otherwise a private copy: the caller's buffer may be a slice of a larger pooled one, or still in use.
      const buffer = options.handOver && fillsItsBuffer(bytes) ? bytes.buffer : copyOf(bytes);
      return new Promise((resolve, reject) => {
        queue.push({ task: { id: nextId++, buffer, ...(options.decodePixels ? { decodePixels: true } : {}) }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new DicomRejection("MALFORMED", "the parser is shut down"));
      const running = slots.filter((slot): slot is Slot => slot !== null);
      await Promise.all(
        running.map((slot) => {
          slot.retiring = true;
          if (slot.idleTimer) clearTimeout(slot.idleTimer);
          return slot.worker.terminate();
        }),
      );
    },
  };
}

function fillsItsBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

function copyOf(bytes: Uint8Array): ArrayBuffer {
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}
