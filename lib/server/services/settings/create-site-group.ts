import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/** A group of sites whose on-call is shared; sites join it through their settings. */
export async function createSiteGroup(args: { db: Db; actor: Actor; name: string }): Promise<{ id: string; name: string }> {
  const { db, actor, name } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages site groups");
  return db.$transaction(async (tx) => {
    if (await tx.siteGroup.findUnique({ where: { name }, select: { id: true } })) {
      throw new AppError("BAD_INPUT", "A group already has this name", { field: "name" });
    }
    const group = await tx.siteGroup.create({ data: { name }, select: { id: true, name: true } });
    await writeAudit(tx, { actorId: actor.id, action: "SITE_SETTINGS_CHANGED", entityType: "Site", detail: { groupCreated: group.id, name } });
    return group;
  });
}
