import "server-only";
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Actor } from "@/lib/domain/access";
import { isAddressAllowed, rangesOf } from "@/lib/domain/network/address-allow-list";
import { actorFromCookieHeader, type ResolveActor } from "../../auth/actor-from-cookie";
import { onRightsChanged, onSessionsRevoked } from "../../auth/sessions/session-events";
import type { Db } from "../../db/client";
import { addressOfRequest } from "../../http/client-address";
import { isCrossOriginRequest } from "../../http/cross-origin-request";
import { addressRefusalAuditor } from "../senders/audit-address-refusal";

// Who calls DICOMweb:
// - a signed-in user of our own pages (the session cookie: viewer, upload);
// - a user through another program or another origin's page (an external viewer) with an
//   access token of the installation's OpenID provider (`Authorization: Bearer`, checked by
//   `authenticateBearer`): the same actor, so the same scope, as their session would give;
// - a site's PACS with its site token (STOW-RS only). Site tokens are stored as SHA-256 hashes
//   and accepted only from the addresses its sender's allow-list holds, like an AE title on
//   the DICOM port: a copied token is worth nothing elsewhere.
// A request with a bearer token is judged by it alone: the cookie is not consulted. A request
// made by another origin's page never authenticates with the cookie (cross-origin-request.ts).

export type DicomwebPrincipal =
  | { kind: "user"; actor: Actor; via: "cookie" | "bearer" }
  | { kind: "sender"; siteId: string; label: string }
  | { kind: "anonymous" }
  | { kind: "invalid-token" }
  | { kind: "address-refused"; address: string }
  /** Refused with this status and message (a user's bearer token, a cookie sent cross-origin). */
  | { kind: "refused"; status: number; message: string; headers: Record<string, string> };

/** What the bearer authentication module (lib/server/auth/bearer) answers for one `Authorization` header. */
export type BearerVerdict = { ok: true; actor: Actor } | { ok: false; status: number; message: string; challenge?: string };
/** `address`: the caller's, for the audit row of a refusal. */
export type BearerAuthenticator = (authorization: string, address: string) => Promise<BearerVerdict>;

/** Said to another origin's page that relied on the cookie. */
export const CROSS_ORIGIN_COOKIE_MESSAGE = "a request from another origin's page authenticates with a bearer token (Authorization: Bearer); the session cookie is not accepted";

/** What a sender's IT reads: the address we saw, so that a proxy in between (TRUST_PROXY) shows. */
export function addressRefusedMessage(address: string): string {
  return `this site token is not accepted from ${address}: the address is not on its sender's allow-list (/admin)`;
}

export function hashSenderToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function resolveDicomwebPrincipal(
  req: IncomingMessage,
  options: { db: Db; secret: string; resolveActor: ResolveActor; trustProxy: boolean; authenticateBearer?: BearerAuthenticator | undefined },
): Promise<DicomwebPrincipal> {
  const authorization = req.headers.authorization;
  if (authorization) {
    // A viewer asks for hundreds of frames a second with one token: its actor is kept as briefly
    // as a cookie's (below), before a site token is looked for or the provider asked.
    const key = hashSenderToken(authorization);
    const recent = recentBearers.get(key);
    if (recent && recent.until > Date.now()) return { kind: "user", actor: recent.actor, via: "bearer" };
    const siteToken = SITE_TOKEN.exec(authorization.trim())?.[1];
    if (siteToken) {
      const sender = await senderOfToken(req, options, siteToken);
      if (sender) return sender;
    }
    // Not a site token: a user's access token, when the installation has an OpenID provider.
    if (!options.authenticateBearer) return { kind: "invalid-token" };
    const verdict = await options.authenticateBearer(authorization, addressOfRequest(req, { trustProxy: options.trustProxy }));
    if (!verdict.ok) return { kind: "refused", status: verdict.status, message: verdict.message, headers: verdict.challenge ? { "WWW-Authenticate": verdict.challenge } : {} };
    remember(recentBearers, key, verdict.actor);
    return { kind: "user", actor: verdict.actor, via: "bearer" };
  }
  const cookie = req.headers.cookie;
  if (cookie && isCrossOriginRequest(req, { trustProxy: options.trustProxy })) {
    return { kind: "refused", status: 401, message: CROSS_ORIGIN_COOKIE_MESSAGE, headers: { "WWW-Authenticate": 'Bearer realm="dicomweb"' } };
  }
  const remembered = cookie ? recentSessions.get(cookie) : undefined;
  if (remembered && remembered.until > Date.now()) return { kind: "user", actor: remembered.actor, via: "cookie" };
  const actor = await actorFromCookieHeader(cookie, options.secret, options.resolveActor);
  if (!actor) return { kind: "anonymous" };
  if (cookie) remember(recentSessions, cookie, actor);
  return { kind: "user", actor, via: "cookie" };
}

const SITE_TOKEN = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,256})$/;

/** The site PACS whose token this is (or its refusal by address), or null when no sender has it. */
async function senderOfToken(req: IncomingMessage, options: { db: Db; trustProxy: boolean }, token: string): Promise<DicomwebPrincipal | null> {
  const sender = await options.db.dicomSender.findUnique({
    where: { tokenHash: hashSenderToken(token) },
    select: { id: true, siteId: true, label: true, active: true, kind: true, allowedNetworks: true },
  });
  if (!sender || !sender.active || sender.kind !== "STOW_TOKEN") return null;
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

// A viewer sends hundreds of frame requests a second with the same cookie: decoding it and
// reloading the user each time was a quarter of the server's time per frame. The actor is
// kept for two seconds, so a deactivated account or a revoked privilege applies within that.
const SESSION_CACHE_MS = 2000;
const SESSION_CACHE_LIMIT = 2000;
const recentSessions = new Map<string, { actor: Actor; until: number }>();
// Bearer tokens by the SHA-256 of the header: the token itself is not kept here.
const recentBearers = new Map<string, { actor: Actor; until: number }>();
// A sign-out, a deactivation or a change of rights applies at once, not two seconds later: the
// cache is keyed by cookie, so everything it holds is forgotten (it refills in one request).
const forgetAll = () => {
  recentSessions.clear();
  recentBearers.clear();
};
onSessionsRevoked(forgetAll);
onRightsChanged(forgetAll);

function remember(cache: Map<string, { actor: Actor; until: number }>, key: string, actor: Actor): void {
  if (cache.size >= SESSION_CACHE_LIMIT) cache.clear();
  cache.set(key, { actor, until: Date.now() + SESSION_CACHE_MS });
}
