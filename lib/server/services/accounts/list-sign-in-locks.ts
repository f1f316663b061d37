import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { ThrottleScope } from "@/lib/domain/sign-in-throttle";
import type { Db } from "../../db/client";

export interface SignInLock {
  scope: ThrottleScope;
  /** The e-mail as typed (ACCOUNT) or the client address (ADDRESS). */
  key: string;
  failures: number;
  lockedUntil: Date;
  /** The account's name when the e-mail is one. */
  displayName: string | null;
}

/** Sign-ins blocked right now, for the administrator who may lift them. */
export async function listSignInLocks(args: { db: Db; actor: Actor; now?: Date }): Promise<SignInLock[]> {
  const { db, actor } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages accounts");
  const now = args.now ?? new Date();
  const locks = await db.signInThrottle.findMany({ where: { lockedUntil: { gt: now } }, orderBy: { lockedUntil: "desc" }, take: 200 });
  const users = await db.user.findMany({
    where: { email: { in: locks.filter((l) => l.scope === "ACCOUNT").map((l) => l.key) } },
    select: { email: true, displayName: true },
  });
  const names = new Map(users.map((u) => [u.email, u.displayName]));
  return locks.map((lock) => ({
    scope: lock.scope === "ADDRESS" ? "ADDRESS" : "ACCOUNT",
    key: lock.key,
    failures: lock.failures,
    lockedUntil: lock.lockedUntil ?? now,
    displayName: names.get(lock.key) ?? null,
  }));
}
