import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { Db } from "../../db/client";
import { canWatchOutbound } from "../hl7-outbound/outbound-access";
import { STUCK_AFTER_MS } from "../hl7-outbound/list-outbound-problems";
import { PACS_EXPORT_SELECT, toPacsExportDto, type PacsExportDto } from "./pacs-export-dto";

export interface PacsExportProblemDto extends PacsExportDto {
  requestId: string;
  accessionNumber: string;
  siteName: string;
}

/**
 * For the operations board: exports that failed, or that are still not stored some minutes
 * after signing (the PACS unreachable for a while). No patient identity: the accession number
 * leads to the request, where its scope applies.
 */
export async function listPacsExportProblems(args: { db: Db; actor: Actor; now: Date }): Promise<PacsExportProblemDto[]> {
  if (!canWatchOutbound(args.actor)) throw new AppError("FORBIDDEN", "Only a department head or an administrator watches the PACS exports");
  const stuckBefore = new Date(args.now.getTime() - STUCK_AFTER_MS);
  const rows = await args.db.reportPacsExport.findMany({
    where: { OR: [{ state: "FAILED" }, { state: { in: ["QUEUED", "SENDING"] }, createdAt: { lt: stuckBefore } }] },
    select: { ...PACS_EXPORT_SELECT, requestId: true, request: { select: { accessionNumber: true, site: { select: { name: true } } } } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return rows.map(({ requestId, request, ...row }) => ({ ...toPacsExportDto(row), requestId, accessionNumber: request.accessionNumber, siteName: request.site.name }));
}
