import "server-only";
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Actor } from "@/lib/domain/access";
import { actorFromCookieHeader, type ResolveActor } from "../../auth/actor-from-cookie";
import type { Db } from "../../db/client";

// Who calls DICOMweb: a signed-in user (the browser's session cookie: viewer, upload), or a
// site's PACS with its bearer token (STOW-RS only). Tokens are stored as SHA-256 hashes.

export type DicomwebPrincipal =
  | { kind: "user"; actor: Actor }
  | { kind: "sender"; siteId: string; label: string }
  | { kind: "anonymous" }
  | { kind: "invalid-token" };

export function hashSenderToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function resolveDicomwebPrincipal(
  req: IncomingMessage,
  options: { db: Db; secret: string; resolveActor: ResolveActor },
): Promise<DicomwebPrincipal> {
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,256})$/.exec(authorization.trim());
    if (!match?.[1]) return { kind: "invalid-token" };
    const sender = await options.db.dicomSender.findUnique({
      where: { tokenHash: hashSenderToken(match[1]) },
      select: { siteId: true, label: true, active: true, kind: true },
    });
    if (!sender || !sender.active || sender.kind !== "STOW_TOKEN") return { kind: "invalid-token" };
    return { kind: "sender", siteId: sender.siteId, label: sender.label };
  }
  const cookie = req.headers.cookie;
  const remembered = cookie ? recentSessions.get(cookie) : undefined;
  if (remembered && remembered.until > Date.now()) return { kind: "user", actor: remembered.actor };
  const actor = await actorFromCookieHeader(cookie, options.secret, options.resolveActor);
  if (!actor) return { kind: "anonymous" };
  if (cookie) {
    if (recentSessions.size >= SESSION_CACHE_LIMIT) recentSessions.clear();
    recentSessions.set(cookie, { actor, until: Date.now() + SESSION_CACHE_MS });
  }
  return { kind: "user", actor };
}

// A viewer sends hundreds of frame requests a second with the same cookie: decoding it and
// reloading the user each time was a quarter of the server's time per frame. The actor is
// kept for two seconds, so a deactivated account or a revoked privilege applies within that.
const SESSION_CACHE_MS = 2000;
const SESSION_CACHE_LIMIT = 2000;
const recentSessions = new Map<string, { actor: Actor; until: number }>();
