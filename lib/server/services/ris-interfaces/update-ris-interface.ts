import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { UpdateRisInterface } from "@/lib/domain/hl7/ris-interface-schema";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { RIS_INTERFACE_SELECT, toRisInterfaceDto, type RisInterfaceDto } from "./ris-interface-dto";
import { duplicatePairError, risInterfaceColumns } from "./ris-interface-input";

/**
 * Edits an interface, or deactivates it (active: false): its messages are refused and nothing
 * more is sent to it; what was already received stays. The site never changes (its service
 * user belongs to it). Audited with what changed, before and after. The service user's name
 * follows the label.
 */
export async function updateRisInterface(args: { db: Db; actor: Actor; input: UpdateRisInterface }): Promise<RisInterfaceDto> {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages RIS interfaces");
  const { id, active, ...fields } = input;
  const columns = { ...risInterfaceColumns(fields), active };
  try {
    return await db.$transaction(async (tx) => {
      // Row lock: two administrators saving at once leave one version and two audit rows in order.
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RisInterface" WHERE id = ${id}::uuid FOR UPDATE`;
      if (!locked) throw new AppError("NOT_FOUND", "RIS interface not found");
      const before = await tx.risInterface.findUniqueOrThrow({ where: { id }, select: RIS_INTERFACE_SELECT });
      const after = await tx.risInterface.update({ where: { id }, data: columns, select: RIS_INTERFACE_SELECT });
      if (before.label !== after.label) await tx.user.update({ where: { id: after.serviceUser.id }, data: { displayName: `RIS ${after.label}`.slice(0, 200) } });
      const changes: Record<string, { before: Prisma.InputJsonValue | null; after: Prisma.InputJsonValue | null }> = {};
      for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { before: before[key], after: after[key] };
      }
      await writeAudit(tx, { actorId: actor.id, action: "RIS_INTERFACE_CHANGED", entityType: "RisInterface", entityId: id, siteId: after.siteId, detail: changes });
      return toRisInterfaceDto({ ...after, serviceUser: { ...after.serviceUser, displayName: `RIS ${after.label}`.slice(0, 200) } });
    });
  } catch (error) {
    throw duplicatePairError(error) ?? error;
  }
}
