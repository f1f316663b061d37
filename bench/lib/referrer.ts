// Submits requests through the referrer worker (./referrer-worker.ts), one at a time.
import { Worker } from "node:worker_threads";
import type { ReferrerAnswer, ReferrerSetup } from "./referrer-worker";

export class Referrer {
  private readonly worker: Worker;

  constructor(setup: ReferrerSetup) {
    // tsx's hooks are not inherited by workers: register them before importing the TS entry.
    const entry = new URL("./referrer-worker.ts", import.meta.url).href;
    const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    this.worker = new Worker(bootstrap, { eval: true, workerData: setup });
  }

  /** Submits one request; resolves with its id and when it was sent and acknowledged (clock()). */
  submit(input: unknown): Promise<{ requestId: string; sentAt: number; ackAt: number }> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.worker.once("error", onError);
      this.worker.once("message", (answer: ReferrerAnswer) => {
        this.worker.off("error", onError);
        if (answer.ok) resolve(answer);
        else reject(new Error(`submission refused: ${answer.error}`));
      });
      this.worker.postMessage(input);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
