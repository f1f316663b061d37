import "server-only";
import type { Actor } from "@/lib/domain/access";
import { bearerChallenge, parseBearerHeader } from "@/lib/domain/auth/bearer-header";
import { rppsFromClaims } from "@/lib/domain/oidc/rpps-claim";
import { getDb, type Db } from "../../db/client";
import { loadActor } from "../load-actor";
import { oidcConfig, type OidcConfig } from "../oidc/oidc-config";
import { BearerTokenCache } from "./bearer-token-cache";
import { recordBearerRefusal, type BearerRefusal } from "./record-bearer-refusal";
import { askUserinfo, type FetchLike } from "./userinfo-client";

/**
 * Who an `Authorization: Bearer <token>` request is, as the product's Actor: the same Actor a
 * browser session gives (role, site, reading privileges, loaded fresh from the database), for
 * machine clients such as an EHR calling the FHIR API or a viewer calling DICOMweb.
 *
 *   const outcome = await actorFromBearer(req.headers.authorization, { address, channel: "FHIR" });
 *   if (!outcome.ok) reply(outcome.status, outcome.message, outcome.challenge);  // 401 / 403 / 503
 *   else use(outcome.actor);
 *
 * The token is an OAuth2 access token of the installation's OpenID provider (OIDC_ISSUER, the
 * one users sign in with: Pro Santé Connect). It is checked by asking the provider's UserInfo
 * endpoint, found by discovery, so opaque tokens and JWTs are handled alike and a revoked token
 * is refused. The RPPS is read from the claims OIDC_RPPS_CLAIM names (rpps-claim.ts) and must
 * be an ACTIVE user's `rpps`. A positive answer is kept 60 s (bounded, keyed by the token's
 * SHA-256); the user is loaded fresh each time, so a deactivation applies at once.
 *
 * Outcomes: `absent` header → `{ ok: false, status: 401, anonymous: true }` (the caller decides
 * whether anonymity is allowed); OIDC not configured → 401 "bearer tokens are not enabled";
 * malformed header → 401 invalid_request; a token the provider refuses, or without an RPPS →
 * 401 invalid_token; an RPPS no active user holds → 403; the provider unreachable → 503. Every
 * refusal but the absent header writes a SIGN_IN_FAILED audit row (method BEARER). The token is
 * never logged.
 */
export type BearerOutcome =
  | { ok: true; actor: Actor; rpps: string }
  | { ok: false; status: 401 | 403 | 503; message: string; anonymous: boolean; challenge?: string; reason?: BearerRefusal };

export interface BearerContext {
  /** The caller's address, for the audit row of a refusal. */
  address?: string;
  /** Which interface was called ("FHIR", "DICOMweb"), for the audit row. */
  channel?: string;
  /** The realm the 401 challenge names. */
  realm?: string;
}

export interface BearerDeps {
  db: Db;
  config: OidcConfig | null;
  fetch: FetchLike;
  cache: BearerTokenCache;
}

const sharedCache = new BearerTokenCache();


/** Forgets every cached token (tests; a change of provider). */
export function forgetBearerTokens(): void {
  sharedCache.clear();
}

export async function actorFromBearer(header: string | undefined, context: BearerContext = {}, deps: Partial<BearerDeps> = {}): Promise<BearerOutcome> {
  const db = deps.db ?? getDb();
  const config = deps.config === undefined ? oidcConfig() : deps.config;
  const fetchImpl = deps.fetch ?? fetch;
  const cache = deps.cache ?? sharedCache;
  const realm = context.realm ?? "teleradiologie";
  const refuse = async (
    status: 401 | 403 | 503,
    reason: BearerRefusal,
    message: string,
    audit: { userId?: string | null; rpps?: string | null; error?: string } = {},
  ): Promise<BearerOutcome> => {
    try {
      await recordBearerRefusal(db, { refusal: reason, address: context.address, channel: context.channel, ...audit });
    } catch (error) {
      console.error(`[bearer] audit of a refused token (${reason}) not written:`, error instanceof Error ? error.message : String(error));
    }
    const challenge =
      status === 401
        ? bearerChallenge(realm, reason === "MALFORMED" ? "invalid_request" : reason === "NOT_ENABLED" ? undefined : "invalid_token", message)
        : status === 503
          ? bearerChallenge(realm)
          : undefined;
    return { ok: false, status, message, anonymous: false, reason, ...(challenge ? { challenge } : {}) };
  };

  const parsed = parseBearerHeader(header);
  if (parsed.kind === "absent") return { ok: false, status: 401, message: "a bearer token is required (Authorization: Bearer <access token>)", anonymous: true, challenge: bearerChallenge(realm) };
  if (!config) return refuse(401, "NOT_ENABLED", "bearer tokens are not enabled on this installation (no OpenID provider configured)");
  if (parsed.kind === "malformed") return refuse(401, "MALFORMED", "the Authorization header is not 'Bearer <token>'");

  let rpps = cache.get(parsed.token)?.rpps ?? null;
  if (!rpps) {
    const answer = await askUserinfo(config.issuer, parsed.token, fetchImpl);
    if (answer.kind === "unavailable") {
      console.warn(`[bearer] the OpenID provider could not vouch for a token: ${answer.detail}`);
      return refuse(503, "PROVIDER_UNAVAILABLE", "the OpenID provider could not be asked about this token; try again later", { error: answer.detail });
    }
    if (answer.kind === "refused") return refuse(401, "INVALID_TOKEN", "the access token is invalid, expired or revoked", { error: answer.detail });
    rpps = rppsFromClaims(answer.claims, config.rppsClaims);
    if (!rpps) return refuse(401, "NO_RPPS", "the access token names no RPPS number (claims " + config.rppsClaims.join(", ") + ")");
    const exp = typeof answer.claims.exp === "number" ? answer.claims.exp * 1000 : undefined;
    cache.set(parsed.token, { rpps }, Date.now(), exp);
  }

  const user = await db.user.findUnique({ where: { rpps }, select: { id: true, active: true } });
  if (!user) return refuse(403, "UNKNOWN_USER", `no account of this platform holds RPPS ${rpps}`, { rpps });
  const actor = user.active ? await loadActor(db, user.id) : null;
  if (!actor) return refuse(403, "INACTIVE_USER", "the account of this RPPS is deactivated", { userId: user.id, rpps });
  return { ok: true, actor, rpps };
}
