import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";
import type { MoveDestinationDto } from "../move-destinations/list-move-destinations";

export interface ReportDestinationDto extends MoveDestinationDto {
  sendPdf: boolean;
  sendSr: boolean;
}

/** Every site's PACS report destinations: the administrator's view (no patient data). */
export async function listReportDestinations(args: { db: Db; actor: Actor }): Promise<ReportDestinationDto[]> {
  const { db, actor } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages the PACS report destinations");
  const rows = await db.reportPacsDestination.findMany({
    select: { id: true, siteId: true, site: { select: { name: true } }, label: true, aeTitle: true, host: true, port: true, sendPdf: true, sendSr: true, active: true },
    orderBy: [{ site: { code: "asc" } }, { aeTitle: "asc" }, { id: "asc" }],
  });
  return rows.map(({ site, ...row }) => ({ ...row, siteName: site.name }));
}
