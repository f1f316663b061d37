import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { checkReportDestination, type UpdateReportDestination } from "@/lib/domain/network/report-destination";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { destinationInputError, isAeTitleTaken } from "../move-destinations/destination-input-error";

const WHAT = "report destination";

/**
 * Edits a report destination or (de)activates it, audited with the values before and after. A
 * deactivated destination receives no new report; exports already queued to it fail at their
 * next attempt (and can be sent again once it is active). Rows are kept for the exports' history.
 */
export async function updateReportDestination(args: { db: Db; actor: Actor; input: UpdateReportDestination }): Promise<{ id: string }> {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages the PACS report destinations");
  const check = checkReportDestination(input);
  if (!check.ok) throw destinationInputError(check.problems, WHAT);
  try {
    return await db.$transaction(async (tx) => {
      // Row lock: two administrators saving at once leave one state and two audit rows in order.
      const [before] = await tx.$queryRaw<{ siteId: string; label: string; aeTitle: string; host: string; port: number; sendPdf: boolean; sendSr: boolean; active: boolean }[]>`
        SELECT "siteId", label, "aeTitle", host, port, "sendPdf", "sendSr", active FROM "ReportPacsDestination" WHERE id = ${input.id}::uuid FOR UPDATE`;
      if (!before) throw new AppError("NOT_FOUND", "Report destination not found");
      const after = { ...check.value, active: input.active };
      await tx.reportPacsDestination.update({ where: { id: input.id }, data: after });
      const { siteId, ...previous } = before;
      await writeAudit(tx, { actorId: actor.id, action: "REPORT_PACS_DESTINATION_CHANGED", entityType: "ReportPacsDestination", entityId: input.id, siteId, detail: { before: previous, after } });
      return { id: input.id };
    });
  } catch (error) {
    if (isAeTitleTaken(error)) throw destinationInputError([{ field: "aeTitle", code: "AE_TAKEN" }], WHAT);
    throw error;
  }
}
