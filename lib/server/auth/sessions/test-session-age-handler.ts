import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Db } from "../../db/client";
import { decodeSessionCookie } from "../actor-from-cookie";

// End-to-end tests need a session near its idle end, or past it, without waiting half an hour
// and without shortening every other spec's sessions. This endpoint moves the last activity of
// the caller's own session back. It exists only beside the test clock (TELERADIO_TEST_CLOCK=on
// on the embedded database: jobs/test-clock-handler.ts); otherwise the path is Next's 404.

export const TEST_SESSION_AGE_PATH = "/__test/session-age";

const bodySchema = z.object({ lastSeenSecondsAgo: z.number().int().min(0).max(24 * 3600) }).strict();

export function createTestSessionAgeHandler(options: { db: Db; secret: string }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (req.method !== "POST") return reply(405, { error: "POST only" });
    let raw = "";
    for await (const chunk of req) raw += String(chunk);
    let parsed: z.infer<typeof bodySchema>;
    try {
      parsed = bodySchema.parse(JSON.parse(raw));
    } catch {
      return reply(400, { error: "Expected { lastSeenSecondsAgo }" });
    }
    const named = await decodeSessionCookie(req.headers.cookie, options.secret);
    if (!named?.sessionId) return reply(401, { error: "no session" });
    const lastSeenAt = new Date(Date.now() - parsed.lastSeenSecondsAgo * 1000);
    const moved = await options.db.userSession.updateMany({ where: { id: named.sessionId, userId: named.userId }, data: { lastSeenAt } });
    reply(200, { moved: moved.count, lastSeenAt: lastSeenAt.toISOString() });
  };
}
