import "server-only";
import { acrSatisfies } from "@/lib/domain/oidc/acr";
import { strongAuthenticationTime, type OidcRefusal } from "@/lib/domain/oidc/oidc-outcome";
import { rppsFromClaims } from "@/lib/domain/oidc/rpps-claim";
import { sessionStatus } from "@/lib/domain/session-validity";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { announceSessionsRevoked } from "../sessions/session-events";
import { openSession } from "../sessions/open-session";

export interface OidcSignInInput {
  /** The provider's claims, already verified (ID token signature, nonce, UserInfo's sub). */
  claims: Readonly<Record<string, unknown>>;
  policy: { rppsClaims: readonly string[]; acrValues: readonly string[] };
  /** The session the browser's cookie names, if any: a step-up replaces it. */
  current: { userId: string; sessionId: string | null } | null;
  address: string;
  userAgent: string | null;
  sessionMaxAgeSeconds: number;
  idleTimeoutMs: number;
}

export type OidcSignInOutcome =
  | { ok: true; user: { id: string; email: string; displayName: string }; sessionId: string; replacedSessionId: string | null }
  | { ok: false; refusal: OidcRefusal };

/**
 * A sign-in vouched for by the OpenID provider: the RPPS number it names must be an active
 * account's (the administrator sets it; the provider never creates accounts nor gives roles),
 * at the required authentication level. The session opened counts as strong from the
 * provider's auth_time. When the browser already holds a live session (a step-up before
 * signing a report), it must be the same person's; the new session replaces it. Every
 * outcome is audited.
 */
export async function signInWithOidc(db: Db, input: OidcSignInInput, now = () => new Date()): Promise<OidcSignInOutcome> {
  const rpps = rppsFromClaims(input.claims, input.policy.rppsClaims);
  const acr = typeof input.claims.acr === "string" ? input.claims.acr : null;
  const audited = { method: "OIDC", address: input.address, rpps, acr };

  const outcome = await db.$transaction(async (tx): Promise<OidcSignInOutcome> => {
    const user = rpps ? await tx.user.findUnique({ where: { rpps }, select: { id: true, email: true, displayName: true, active: true } }) : null;
    const at = now();
    const refuse = async (refusal: OidcRefusal): Promise<OidcSignInOutcome> => {
      await writeAudit(tx, {
        actorId: user?.id ?? null,
        action: "SIGN_IN_FAILED",
        entityType: "User",
        entityId: user?.id ?? null,
        detail: { ...audited, reason: refusal, ...(refusal === "INSUFFICIENT_ACR" ? { required: [...input.policy.acrValues] } : {}) },
      });
      return { ok: false, refusal };
    };

    if (!rpps) return refuse("MISSING_RPPS");
    if (!user) return refuse("UNKNOWN_RPPS");
    if (!user.active) return refuse("INACTIVE_ACCOUNT");
    if (!acrSatisfies(acr, input.policy.acrValues)) return refuse("INSUFFICIENT_ACR");

    const current = input.current?.sessionId
      ? await tx.userSession.findUnique({ where: { id: input.current.sessionId }, select: { id: true, userId: true, lastSeenAt: true, expiresAt: true, revokedAt: true } })
      : null;
    const live = current && sessionStatus(current, at, input.idleTimeoutMs) === "LIVE" ? current : null;
    // Someone else's session in this browser: a step-up must not turn it into another person's.
    if (live && live.userId !== user.id) return refuse("IDENTITY_MISMATCH");

    // No level configured: the provider's word identifies, but proves no strong authentication.
    const strongAt = input.policy.acrValues.length > 0 ? strongAuthenticationTime(input.claims.auth_time, at) : null;
    const sessionId = await openSession(tx, {
      userId: user.id,
      maxAgeSeconds: input.sessionMaxAgeSeconds,
      address: input.address.slice(0, 254),
      userAgent: input.userAgent,
      now: at,
      method: "OIDC",
      strongAt,
    });
    if (live) await tx.userSession.updateMany({ where: { id: live.id, revokedAt: null }, data: { revokedAt: at, revokedReason: "REPLACED" } });
    await writeAudit(tx, {
      actorId: user.id,
      action: "SIGN_IN",
      entityType: "User",
      entityId: user.id,
      detail: { ...audited, session: sessionId, strongAt: strongAt?.toISOString() ?? null, replaced: live?.id ?? null },
    });
    return { ok: true, user: { id: user.id, email: user.email, displayName: user.displayName }, sessionId, replacedSessionId: live?.id ?? null };
  });

  // The replaced session's open sockets close once the new one is committed.
  if (outcome.ok && outcome.replacedSessionId) announceSessionsRevoked({ sessionIds: [outcome.replacedSessionId] });
  return outcome;
}
