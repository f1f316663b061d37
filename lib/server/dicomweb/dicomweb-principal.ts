import "server-only";
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Actor } from "@/lib/domain/access";
import { actorFromCookieHeader, type ResolveActor } from "../auth/actor-from-cookie";
import type { Db } from "../db/client";

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
  const actor = await actorFromCookieHeader(req.headers.cookie, options.secret, options.resolveActor);
  return actor ? { kind: "user", actor } : { kind: "anonymous" };
}
