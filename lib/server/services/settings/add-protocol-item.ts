import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { AddProtocolItem } from "@/lib/domain/rota/settings-schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import type { ProtocolItemDto } from "./list-protocol-catalogue";

/** Adds an item to a site's catalogue; codes are unique within the site. */
export async function addProtocolItem(args: { db: Db; actor: Actor; input: AddProtocolItem }): Promise<ProtocolItemDto> {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages the protocol catalogue");
  const duplicate = () => new AppError("BAD_INPUT", "This code is already in the site's catalogue", { field: "code" });
  try {
    return await insert(db, actor, input, duplicate);
  } catch (error) {
    // Two administrators adding the same code at once: the unique index decides, still a 4xx.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicate();
    throw error;
  }
}

function insert(db: Db, actor: Actor, input: AddProtocolItem, duplicate: () => AppError): Promise<ProtocolItemDto> {
  return db.$transaction(async (tx) => {
    if (!(await tx.site.findUnique({ where: { id: input.siteId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "Site not found");
    const taken = await tx.protocolCatalogueItem.findUnique({ where: { siteId_code: { siteId: input.siteId, code: input.code } }, select: { id: true } });
    if (taken) throw duplicate();
    const item = await tx.protocolCatalogueItem.create({
      data: { siteId: input.siteId, code: input.code, label: input.label, modality: input.modality, contrast: input.contrast },
      select: { id: true, code: true, label: true, modality: true, contrast: true, active: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "PROTOCOL_CATALOGUE_CHANGED",
      entityType: "ProtocolCatalogueItem",
      entityId: item.id,
      siteId: input.siteId,
      detail: { change: "added", code: item.code, label: item.label, modality: item.modality, contrast: item.contrast },
    });
    return item;
  });
}
