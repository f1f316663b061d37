import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Modality } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";

export interface ProtocolItemDto {
  id: string;
  code: string;
  label: string;
  modality: Modality;
  contrast: boolean;
  active: boolean;
}

/** A site's whole catalogue, deactivated items included (they stay on past requests). */
export async function listProtocolCatalogue(args: { db: Db; actor: Actor; siteId: string }): Promise<ProtocolItemDto[]> {
  const { db, actor, siteId } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages the protocol catalogue");
  if (!(await db.site.findUnique({ where: { id: siteId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "Site not found");
  return db.protocolCatalogueItem.findMany({
    where: { siteId },
    select: { id: true, code: true, label: true, modality: true, contrast: true, active: true },
    orderBy: [{ active: "desc" }, { label: "asc" }],
  });
}
