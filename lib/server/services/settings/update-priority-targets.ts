import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditTargets } from "@/lib/domain/rota/rota-access";
import type { UpdatePriorityTargets } from "@/lib/domain/rota/settings-schemas";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/** Sets the escalation delays; requests already waiting keep the checks already scheduled. */
export async function updatePriorityTargets(args: { db: Db; actor: Actor; input: UpdatePriorityTargets }): Promise<{ updated: number }> {
  const { db, actor, input } = args;
  if (!canEditTargets(actor)) throw new AppError("FORBIDDEN", "Only the department head or an administrator sets targets");
  return db.$transaction(async (tx) => {
    const before = await tx.priorityTarget.findMany({ select: { priority: true, escalateAfterS: true } });
    for (const target of input.targets) {
      await tx.priorityTarget.upsert({
        where: { priority: target.priority },
        create: { priority: target.priority, escalateAfterS: target.escalateAfterS },
        update: { escalateAfterS: target.escalateAfterS },
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "PRIORITY_TARGETS_CHANGED",
      entityType: "PriorityTarget",
      detail: {
        before: Object.fromEntries(before.map((row) => [row.priority, row.escalateAfterS])),
        after: Object.fromEntries(input.targets.map((target) => [target.priority, target.escalateAfterS])),
      },
    });
    return { updated: input.targets.length };
  });
}
