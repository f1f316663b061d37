import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { ThrottleScope } from "@/lib/domain/sign-in-throttle";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/** Lifts a sign-in block (an account or an address): its failures are forgotten; audited. */
export async function unlockSignIn(args: { db: Db; actor: Actor; scope: ThrottleScope; key: string }): Promise<{ unlocked: true }> {
  const { db, actor, scope, key } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages accounts");
  return db.$transaction(async (tx) => {
    const removed = await tx.signInThrottle.deleteMany({ where: { scope, key } });
    if (removed.count === 0) throw new AppError("NOT_FOUND", "No sign-in block for this key");
    const user = scope === "ACCOUNT" ? await tx.user.findUnique({ where: { email: key }, select: { id: true } }) : null;
    await writeAudit(tx, { actorId: actor.id, action: "SIGN_IN_UNLOCKED", entityType: "User", entityId: user?.id ?? null, detail: { scope, key } });
    return { unlocked: true as const };
  });
}
