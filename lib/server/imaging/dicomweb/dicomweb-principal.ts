import "server-only";
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Actor } from "@/lib/domain/access";
import { isAddressAllowed, rangesOf } from "@/lib/domain/network/address-allow-list";
import { actorFromCookieHeader, type ResolveActor } from "../../auth/actor-from-cookie";
import { onRightsChanged, onSessionsRevoked } from "../../auth/sessions/session-events";
import type { Db } from "../../db/client";
import { addressOfRequest } from "../../http/client-address";
import { addressRefusalAuditor } from "../senders/audit-address-refusal";

// Who calls DICOMweb: a signed-in user (the browser's session cookie: viewer, upload), or a
// site's PACS with its bearer token (STOW-RS only). Tokens are stored as SHA-256 hashes. A token
// is accepted only from the addresses its sender's allow-list holds, like an AE title on the
// DICOM port: a copied token is worth nothing elsewhere.

export type DicomwebPrincipal =
  | { kind: "user"; actor: Actor }
  | { kind: "sender"; siteId: string; label: string }
  | { kind: "anonymous" }
  | { kind: "invalid-token" }
  | { kind: "address-refused"; address: string };

/** What a sender's IT reads: the address we saw, so that a proxy in between (TRUST_PROXY) shows. */
export function addressRefusedMessage(address: string): string {
  return `this site token is not accepted from ${address}: the address is not on its sender's allow-list (/admin)`;
}

export function hashSenderToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function resolveDicomwebPrincipal(
  req: IncomingMessage,
  options: { db: Db; secret: string; resolveActor: ResolveActor; trustProxy: boolean },
): Promise<DicomwebPrincipal> {
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,256})$/.exec(authorization.trim());
    if (!match?.[1]) return { kind: "invalid-token" };
    const sender = await options.db.dicomSender.findUnique({
      where: { tokenHash: hashSenderToken(match[1]) },
      select: { id: true, siteId: true, label: true, active: true, kind: true, allowedNetworks: true },
    });
    if (!sender || !sender.active || sender.kind !== "STOW_TOKEN") return { kind: "invalid-token" };
    // The socket's address, or the last hop the operator's proxy added (TRUST_PROXY); computed
    // here rather than read from the server's stamp, which a client could send where no stamp is made.
    const address = addressOfRequest(req, { trustProxy: options.trustProxy });
    if (!isAddressAllowed(rangesOf(sender.allowedNetworks), address)) {
      const refusal = { senderId: sender.id, siteId: sender.siteId, channel: "STOW" as const, address, presentedAs: sender.label };
      await addressRefusalAuditor.record(options.db, refusal, (error) =>
        console.error(`[dicomweb] audit of the refused token of "${sender.label}" from ${address} not written:`, error instanceof Error ? error.message : String(error)),
      );
      return { kind: "address-refused", address };
    }
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
// A sign-out, a deactivation or a change of rights applies at once, not two seconds later: the
// cache is keyed by cookie, so everything it holds is forgotten (it refills in one request).
onSessionsRevoked(() => recentSessions.clear());
onRightsChanged(() => recentSessions.clear());
