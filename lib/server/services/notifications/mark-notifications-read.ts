import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { MarkNotificationsRead } from "@/lib/domain/notifications";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";

/**
 * Marks the actor's own notifications read: the given ones, or all of them. Someone else's
 * ids are silently ignored (they are not the actor's to see). Already read ones keep their
 * first reading time. The actor's other tabs refresh their bell after commit.
 */
export async function markNotificationsRead(args: { db: Db; actor: Actor; input: MarkNotificationsRead }): Promise<{ count: number }> {
  const { db, actor, input } = args;
  const ids = "ids" in input ? input.ids.map((id) => BigInt(id)) : null;
  const count = await runUseCase(db, async (tx, effects) => {
    const marked = await tx.notification.updateManyAndReturn({
      where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
      data: { readAt: new Date() },
      select: { id: true },
    });
    if (marked.length > 0) {
      await writeAudit(tx, {
        actorId: actor.id,
        action: "NOTIFICATIONS_MARKED_READ",
        entityType: "Notification",
        // The ids actually marked: never someone else's, never those already read.
        detail: { count: marked.length, scope: ids ? "ids" : "all", ...(ids ? { ids: marked.map((row) => row.id.toString()) } : {}) },
      });
      effects.notificationsChanged([actor.id], false);
    }
    return marked.length;
  });
  return { count };
}
