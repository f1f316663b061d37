import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { Db, Tx } from "../../db/client";
import type { Mailer } from "../../mail/mailer";

/** What every account administration use case receives. */
export interface AccountAdminDeps {
  db: Db;
  actor: Actor;
  mailer: Mailer;
  /** The product's public address, for the links (NEXTAUTH_URL). */
  baseUrl: string;
  now?: Date;
}

export function assertAccountAdmin(actor: Actor): void {
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages accounts");
}

/** Whether another active administrator than `userId` remains: the installation must never lose its last one. */
export async function anotherActiveAdminExists(tx: Tx, userId: string): Promise<boolean> {
  const count = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  return count > 0;
}

/** An e-mail or RPPS already used by another account: named, rather than a bare unique-key conflict. */
export async function assertUniqueIdentity(tx: Tx, fields: { email: string; rpps: string | null }, exceptUserId?: string): Promise<void> {
  const not = exceptUserId ? { id: { not: exceptUserId } } : {};
  if (await tx.user.findFirst({ where: { email: fields.email, ...not }, select: { id: true } })) throw new AppError("EMAIL_TAKEN", "E-mail already used");
  if (fields.rpps && (await tx.user.findFirst({ where: { rpps: fields.rpps, ...not }, select: { id: true } }))) throw new AppError("RPPS_TAKEN", "RPPS already used");
}

export async function assertSiteExists(tx: Tx, siteId: string | null): Promise<void> {
  if (siteId && !(await tx.site.findUnique({ where: { id: siteId }, select: { id: true } }))) throw new AppError("BAD_INPUT", "Unknown site");
}
