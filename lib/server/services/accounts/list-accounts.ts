import "server-only";
import type { Role } from "@/lib/domain/enums";
import { isInterfaceServiceEmail } from "@/lib/domain/hl7/ris-interface-schema";
import type { Db } from "../../db/client";
import { assertAccountAdmin, type AccountAdminDeps } from "./account-admin-deps";

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  siteId: string | null;
  siteCode: string | null;
  rpps: string | null;
  active: boolean;
  /** False until the user has set a password through their activation link. */
  passwordSet: boolean;
  /** When an unused link (activation or reset) expires, if one is out. */
  openLinkExpiresAt: Date | null;
  lastSignInAt: Date | null;
  liveSessions: number;
  /** Second factors enrolled: a TOTP app and how many passkeys. */
  factors: { totp: boolean; passkeys: number };
  /** A RIS interface's service user: HL7 orders are filed under it; it never signs in. */
  interfaceAccount: boolean;
}

/** Every account, for the administrator (no patient data). */
export async function listAccounts(deps: Pick<AccountAdminDeps, "db" | "actor" | "now">): Promise<AccountRow[]> {
  assertAccountAdmin(deps.actor);
  const now = deps.now ?? new Date();
  const db: Db = deps.db;
  const [users, lastSignIns, live, links] = await Promise.all([
    db.user.findMany({
      orderBy: [{ active: "desc" }, { displayName: "asc" }],
      select: {
        id: true,
        email: true,
        displayName: true,
        role: true,
        siteId: true,
        site: { select: { code: true } },
        rpps: true,
        active: true,
        passwordHash: true,
        totpFactor: { select: { confirmedAt: true } },
        _count: { select: { passkeys: true } },
      },
    }),
    db.userSession.groupBy({ by: ["userId"], _max: { createdAt: true } }),
    db.userSession.groupBy({ by: ["userId"], where: { revokedAt: null, expiresAt: { gt: now } }, _count: { _all: true } }),
    db.accountLink.findMany({ where: { usedAt: null, expiresAt: { gt: now }, userId: { not: null } }, select: { userId: true, expiresAt: true } }),
  ]);
  const lastOf = new Map(lastSignIns.map((row) => [row.userId, row._max.createdAt]));
  const liveOf = new Map(live.map((row) => [row.userId, row._count._all]));
  const linkOf = new Map(links.map((link) => [link.userId, link.expiresAt]));
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    siteId: user.siteId,
    siteCode: user.site?.code ?? null,
    rpps: user.rpps,
    active: user.active,
    passwordSet: user.passwordHash !== null,
    openLinkExpiresAt: linkOf.get(user.id) ?? null,
    lastSignInAt: lastOf.get(user.id) ?? null,
    liveSessions: liveOf.get(user.id) ?? 0,
    factors: { totp: user.totpFactor?.confirmedAt != null, passkeys: user._count.passkeys },
    interfaceAccount: isInterfaceServiceEmail(user.email),
  }));
}
