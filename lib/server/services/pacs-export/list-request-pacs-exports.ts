import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";
import { PACS_EXPORT_SELECT, toPacsExportDto, type PacsExportDto } from "./pacs-export-dto";

/**
 * The documents of a request's signed reports sent to the site's PACS, oldest first: whoever may
 * see the request (as for its RIS messages) sees whether the PACS has the report. The rows
 * carry no identity; the request's own read is audited by the request page.
 */
export async function listRequestPacsExports(args: { db: Db; actor: Actor; requestId: string }): Promise<PacsExportDto[]> {
  const request = await args.db.readingRequest.findFirst({ where: { AND: [{ id: args.requestId }, visibleRequestsWhere(args.actor)] }, select: { id: true } });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");
  const rows = await args.db.reportPacsExport.findMany({ where: { requestId: request.id }, select: PACS_EXPORT_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 100 });
  return rows.map(toPacsExportDto);
}
