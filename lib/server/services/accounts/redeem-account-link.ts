import "server-only";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import { acceptNewPassword } from "../../auth/accept-new-password";
import { hashAccountLinkToken } from "../../auth/account-link-token";
import { revokeUserSessions } from "../../auth/sessions/revoke-sessions";
import { announceSessionsRevoked } from "../../auth/sessions/session-events";
import type { Db } from "../../db/client";

export interface RedeemInput {
  token: string;
  password: string;
  /** Only for the first administrator's link: who they are. */
  email?: string;
  displayName?: string;
}

/**
 * Sets a password through a one-time link. The password is checked before the link is used,
 * so a refused password does not burn it; the link is then claimed with a conditional update,
 * so two tabs submitting at once cannot both succeed. A reset ends every session of the
 * account (someone else may hold one) and lifts its sign-in lock.
 */
export async function redeemAccountLink(args: { db: Db; input: RedeemInput; now?: Date }): Promise<{ email: string }> {
  const { db, input } = args;
  const now = args.now ?? new Date();
  const tokenHash = hashAccountLinkToken(input.token);
  const link = await db.accountLink.findUnique({
    where: { tokenHash },
    select: { id: true, purpose: true, userId: true, expiresAt: true, usedAt: true, user: { select: { email: true, displayName: true, active: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || (link.user && !link.user.active)) {
    await writeAudit(db, { actorId: null, action: "ACCOUNT_LINK_REFUSED", entityType: "User", entityId: link?.userId ?? null, detail: { known: link !== null } });
    throw new AppError("LINK_INVALID", "This link no longer works");
  }
  const identity = link.user ?? firstAdminIdentity(input);
  const passwordHash = await acceptNewPassword(input.password, identity);

  const ended = await db.$transaction(async (tx) => {
    const claimed = await tx.accountLink.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError("LINK_INVALID", "This link was used meanwhile");
    let userId = link.userId;
    if (link.purpose === "FIRST_ADMIN") {
      // The link exists only while no administrator can sign in; a second one must not appear.
      if (await tx.user.count({ where: { role: "ADMIN", active: true, passwordHash: { not: null } } })) throw new AppError("LINK_INVALID", "An administrator exists already");
      if (await tx.user.findUnique({ where: { email: identity.email }, select: { id: true } })) throw new AppError("EMAIL_TAKEN", "E-mail already used");
      const admin = await tx.user.create({ data: { email: identity.email, displayName: identity.displayName, role: "ADMIN", passwordHash, passwordChangedAt: now }, select: { id: true } });
      userId = admin.id;
    } else if (userId) {
      await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } });
      await tx.signInThrottle.deleteMany({ where: { scope: "ACCOUNT", key: identity.email } });
    }
    const revoked = userId && link.purpose === "RESET" ? await revokeUserSessions(tx, { userId, reason: "PASSWORD_RESET", now }) : [];
    await writeAudit(tx, { actorId: userId, action: "PASSWORD_SET", entityType: "User", entityId: userId, detail: { purpose: link.purpose, sessionsEnded: revoked.length } });
    return revoked;
  });
  if (ended.length > 0) announceSessionsRevoked({ sessionIds: ended });
  return { email: identity.email };
}

function firstAdminIdentity(input: RedeemInput): { email: string; displayName: string } {
  const email = input.email?.trim().toLowerCase();
  const displayName = input.displayName?.trim();
  if (!email || !displayName) throw new AppError("BAD_INPUT", "The first administrator's e-mail and name are required");
  return { email, displayName };
}
