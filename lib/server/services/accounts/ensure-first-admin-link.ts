import "server-only";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { issueAccountLink, type IssuedLink } from "./issue-account-link";

/**
 * An installation on the hospital's own database starts with no account at all, so with no
 * known password. While no administrator can sign in, each start prints a one-time link (the
 * previous one withdrawn) that creates the first administrator; whoever reads the server's
 * console is the person installing it.
 */
export async function ensureFirstAdminLink(db: Db, baseUrl: string, now = new Date()): Promise<IssuedLink | null> {
  return db.$transaction(async (tx) => {
    const admins = await tx.user.count({ where: { role: "ADMIN", active: true, passwordHash: { not: null } } });
    if (admins > 0) return null;
    const link = await issueAccountLink(tx, { purpose: "FIRST_ADMIN", userId: null, issuedById: null, baseUrl, now });
    await writeAudit(tx, { actorId: null, action: "ACCOUNT_LINK_ISSUED", entityType: "User", entityId: null, detail: { purpose: "FIRST_ADMIN", expiresAt: link.expiresAt.toISOString() } });
    return link;
  });
}
