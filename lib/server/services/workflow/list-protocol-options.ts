import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface ProtocolOption {
  id: string;
  code: string;
  label: string;
  modality: string;
  contrast: boolean;
}

/** The requesting site's protocol catalogue, the request's modality first. */
export async function listProtocolOptions(args: { db: Db; actor: Actor; requestId: string }): Promise<ProtocolOption[]> {
  const { db, actor, requestId } = args;
  const request = await db.readingRequest.findFirst({
    where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
    select: { siteId: true, modality: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");
  const items = await db.protocolCatalogueItem.findMany({
    where: { siteId: request.siteId, active: true },
    select: { id: true, code: true, label: true, modality: true, contrast: true },
    orderBy: [{ label: "asc" }],
  });
  const sameModality = items.filter((item) => item.modality === request.modality);
  const others = items.filter((item) => item.modality !== request.modality);
  return [...sameModality, ...others];
}
