import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { writeAudit } from "../../audit/write-audit";
import { announceRightsChanged } from "../../auth/sessions/session-events";
import type { Db } from "../../db/client";

/** Withdraws a reading privilege; the audit row keeps what it was. */
export async function removePrivilege(args: { db: Db; actor: Actor; userId: string; siteId: string }): Promise<{ removed: true }> {
  const { db, actor, userId, siteId } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages reading privileges");
  const changed = await db.$transaction(async (tx) => {
    const existing = await tx.readingPrivilege.findUnique({ where: { userId_siteId: { userId, siteId } }, select: { id: true, expiresAt: true } });
    if (!existing) throw new AppError("NOT_FOUND", "Privilege not found");
    await tx.readingPrivilege.delete({ where: { id: existing.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "PRIVILEGE_CHANGED",
      entityType: "ReadingPrivilege",
      entityId: userId,
      siteId,
      detail: { change: "removed", before: existing.expiresAt?.toISOString() ?? null },
    });
    return { removed: true as const };
  });
  // Sockets computed their rooms from the old rights: they reconnect with the new ones.
  announceRightsChanged(userId);
  return changed;
}
