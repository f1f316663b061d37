import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Db } from "../db/client";
import { JOB_KINDS } from "./job-kinds";
import { runDueJobs } from "./run-due-jobs";

// End-to-end tests need time to pass (a critical finding left unacknowledged for 15 minutes)
// without waiting for it. This endpoint runs the due jobs of one kind on a clock moved ahead.
// It exists only when the server is started with TELERADIO_TEST_CLOCK=on (Playwright's
// server); otherwise the path is an ordinary 404 from Next.

export const TEST_CLOCK_PATH = "/__test/run-jobs";

const bodySchema = z.object({ kind: z.enum(JOB_KINDS), advanceMinutes: z.number().int().min(0).max(7 * 24 * 60) }).strict();

export function isTestClockEnabled(): boolean {
  return process.env.TELERADIO_TEST_CLOCK === "on" && process.env.TELERADIO_EMBEDDED_DB === "1";
}

export function createTestClockHandler(db: Db) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST") return reply(405, { error: "POST only" });
    let raw = "";
    for await (const chunk of req) {
      raw += String(chunk);
      if (raw.length > 1000) return reply(413, { error: "Body too large" });
    }
    let parsed: z.infer<typeof bodySchema>;
    try {
      parsed = bodySchema.parse(JSON.parse(raw));
    } catch {
      return reply(400, { error: "Expected { kind, advanceMinutes }" });
    }
    const now = new Date(Date.now() + parsed.advanceMinutes * 60_000);
    const jobs = await db.job.findMany({ where: { kind: parsed.kind, state: "PENDING", runAt: { lte: now } }, select: { id: true } });
    const result = jobs.length > 0 ? await runDueJobs({ db, now, jobIds: jobs.map((job) => job.id), limit: jobs.length }) : { taken: 0, done: 0, retried: 0, failed: 0 };
    reply(200, result);
  };
}
