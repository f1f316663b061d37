import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SessionExpiry } from "@/lib/domain/session-expiry";
import type { Db } from "../../db/client";
import { readSessionExpiry } from "../../services/sessions/read-session-expiry";
import { renewSession } from "../../services/sessions/renew-session";
import { decodeSessionCookie } from "../actor-from-cookie";

// The browser's expiry banner asks here when its session ends (GET, not counted as activity)
// and renews it ("Stay signed in", POST). On the custom server beside tRPC: a tRPC call would
// itself count as activity through the session checker, and the timer would keep every
// forgotten tab signed in. Cross-site POSTs are refused before this (origin-check.ts).

export const SESSION_EXPIRY_PATH = "/api/session/expiry";
export const SESSION_RENEW_PATH = "/api/session/renew";

export function isSessionExpiryPath(url: string | undefined): boolean {
  return url === SESSION_EXPIRY_PATH || url === SESSION_RENEW_PATH;
}

export function createSessionExpiryHandler(options: { db: Db; secret: string; idleTimeoutMs: number }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const renew = req.url === SESSION_RENEW_PATH;
    if (req.method !== (renew ? "POST" : "GET")) return reply(res, 405, { error: renew ? "POST only" : "GET only" }, { Allow: renew ? "POST" : "GET" });
    const named = await decodeSessionCookie(req.headers.cookie, options.secret);
    if (!named?.sessionId) return reply(res, 401, { error: "no session" });
    const args = { db: options.db, userId: named.userId, sessionId: named.sessionId, idleTimeoutMs: options.idleTimeoutMs, now: new Date() };
    const expiry: SessionExpiry | null = renew ? await renewSession(args) : await readSessionExpiry(args);
    if (!expiry) return reply(res, 401, { error: "session over" });
    reply(res, 200, expiry);
  };
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store", ...headers });
  res.end(text);
}
