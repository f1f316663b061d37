// The referrer's browser, in a worker thread of its own: in the main thread, the answer to a
// submission would wait behind the 500 clients' hint handling, and the acknowledgement time
// (t0 of every latency) would be late by however long that takes.
import { Agent } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { clock } from "./clock";
import { trpcMutation } from "./trpc-http";

export interface ReferrerSetup {
  baseUrl: string;
  cookie: string;
}

export type ReferrerAnswer =
  | { ok: true; requestId: string; sentAt: number; ackAt: number }
  | { ok: false; error: string };

const setup = workerData as ReferrerSetup;
const http = { baseUrl: setup.baseUrl, cookie: setup.cookie, agent: new Agent({ keepAlive: true }) };

parentPort?.on("message", (input: unknown) => {
  const sentAt = clock();
  trpcMutation(http, { path: "requests.submit", input }).then(
    (result) => {
      const ackAt = clock();
      const answer: ReferrerAnswer = result.ok
        ? { ok: true, requestId: (result.data as { requestId: string }).requestId, sentAt, ackAt }
        : { ok: false, error: result.error };
      parentPort?.postMessage(answer);
    },
    (error: unknown) => parentPort?.postMessage({ ok: false, error: String(error) } satisfies ReferrerAnswer),
  );
});
