import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";

export interface MoveDestinationDto {
  id: string;
  siteId: string;
  siteName: string;
  label: string;
  aeTitle: string;
  host: string;
  port: number;
  active: boolean;
}

/** Every site's C-MOVE destinations: the administrator's view (no patient data). */
export async function listMoveDestinations(args: { db: Db; actor: Actor }): Promise<MoveDestinationDto[]> {
  const { db, actor } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages C-MOVE destinations");
  const rows = await db.dicomMoveDestination.findMany({
    select: { id: true, siteId: true, site: { select: { name: true } }, label: true, aeTitle: true, host: true, port: true, active: true },
    orderBy: [{ site: { code: "asc" } }, { aeTitle: "asc" }, { id: "asc" }],
  });
  return rows.map(({ site, ...row }) => ({ ...row, siteName: site.name }));
}
