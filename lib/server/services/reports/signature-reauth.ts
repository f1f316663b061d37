import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { SignReportInput } from "@/lib/domain/reports/report-schemas";
import { signatureReauthOptions, type SessionMethod, type SignatureReauthOptions } from "@/lib/domain/strong-authentication";
import { verifyPassword } from "../../auth/password";
import type { RelyingParty } from "../../auth/factors/relying-party";
import { factorsOf, verifySecondFactor } from "../../auth/factors/verify-second-factor";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/** The session a signature is made from (tRPC context); absent in older callers: a password session. */
export interface SigningSession {
  id: string;
  method: SessionMethod;
  strongAt: Date | null;
}

export async function signatureOptionsFor(db: Db, userId: string, session: SigningSession | null | undefined, now: Date): Promise<SignatureReauthOptions> {
  const factors = await factorsOf(db, userId);
  return signatureReauthOptions({ hasTotp: factors.totp, passkeys: factors.passkeys, method: session?.method ?? "PASSWORD", strongAt: session?.strongAt ?? null, now });
}

// Someone else at an unlocked workstation must not be able to guess the password (or a code)
// by signing: after 5 failures within 15 minutes, signing waits (the failures are audit rows,
// so the count survives a restart and covers every server process).
const REAUTH_MAX_FAILURES = 5;
const REAUTH_WINDOW_MINUTES = 15;

/**
 * Signing re-authenticates with the strength of the sign-in (lib/domain/strong-authentication.ts,
 * signatureReauthOptions): a factor's proof for an account with one, a recent Pro Santé Connect
 * step-up for an OIDC session, the password only for an account with neither. A failure is
 * traced like a failed sign-in: it may be someone else at the desk. A factor's success makes
 * the session's strong authentication fresh again.
 */
export async function assertSignatureReauth(args: { db: Db; actor: Actor; input: SignReportInput; session?: SigningSession | null; rp?: RelyingParty | null; now: Date }): Promise<void> {
  const { db, actor, input, now } = args;
  const since = new Date(now.getTime() - REAUTH_WINDOW_MINUTES * 60_000);
  const failures = await db.auditLog.count({ where: { actorId: actor.id, action: "REPORT_REAUTH_FAILED", at: { gte: since } } });
  if (failures >= REAUTH_MAX_FAILURES) throw new AppError("REAUTH_LOCKED", "Too many failed re-authentications", { minutes: REAUTH_WINDOW_MINUTES });
  const options = await signatureOptionsFor(db, actor.id, args.session, now);
  if (await passes(args, options)) return;
  await writeAudit(db, {
    actorId: actor.id,
    action: "REPORT_REAUTH_FAILED",
    entityType: "ReportVersion",
    entityId: input.draftId,
    detail: { requestId: input.requestId, kind: input.proof?.kind ?? (input.password ? "PASSWORD" : "NONE") },
  });
  // A wrong code or passkey says so; the password's message stays what it was.
  if (input.proof) throw new AppError("SECOND_FACTOR_INVALID", "Re-authentication failed", { kind: input.proof.kind });
  throw new AppError("REAUTH_FAILED", "Re-authentication failed");
}

async function passes(args: { db: Db; actor: Actor; input: SignReportInput; session?: SigningSession | null; rp?: RelyingParty | null; now: Date }, options: SignatureReauthOptions): Promise<boolean> {
  const { db, actor, input, now } = args;
  const proof = input.proof;
  if (proof && ((proof.kind === "TOTP" && options.totp) || (proof.kind === "WEBAUTHN" && options.passkey))) {
    const proven = await verifySecondFactor(db, { userId: actor.id, proof, purpose: "STEP_UP", rp: args.rp ?? null, now });
    if (proven && args.session) await db.userSession.updateMany({ where: { id: args.session.id, userId: actor.id }, data: { strongAt: now } });
    return proven !== null;
  }
  if (!proof && !input.password && options.recentOidc) return true;
  if (!proof && input.password && options.password) {
    const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, active: true } });
    return Boolean(user?.active && user.passwordHash !== null && (await verifyPassword(user.passwordHash, input.password)));
  }
  return false;
}
