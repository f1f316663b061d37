import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/** Items are deactivated, never deleted: past requests point to them. */
export async function setProtocolItemActive(args: { db: Db; actor: Actor; itemId: string; active: boolean }): Promise<{ id: string; active: boolean }> {
  const { db, actor, itemId, active } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages the protocol catalogue");
  return db.$transaction(async (tx) => {
    const item = await tx.protocolCatalogueItem.findUnique({ where: { id: itemId }, select: { id: true, siteId: true, code: true, active: true } });
    if (!item) throw new AppError("NOT_FOUND", "Protocol item not found");
    await tx.protocolCatalogueItem.update({ where: { id: itemId }, data: { active } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "PROTOCOL_CATALOGUE_CHANGED",
      entityType: "ProtocolCatalogueItem",
      entityId: itemId,
      siteId: item.siteId,
      detail: { change: active ? "activated" : "deactivated", code: item.code, before: item.active },
    });
    return { id: itemId, active };
  });
}
