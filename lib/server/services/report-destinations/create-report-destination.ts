import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { checkReportDestination, type CreateReportDestination } from "@/lib/domain/network/report-destination";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { destinationInputError, isAeTitleTaken } from "../move-destinations/destination-input-error";

const WHAT = "report destination";

/**
 * Registers where a site's signed reports are stored (its PACS, by C-STORE), audited. Reports
 * signed from then on are queued to it; earlier ones are not sent retroactively.
 */
export async function createReportDestination(args: { db: Db; actor: Actor; input: CreateReportDestination }): Promise<{ id: string }> {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages the PACS report destinations");
  const check = checkReportDestination(input);
  if (!check.ok) throw destinationInputError(check.problems, WHAT);
  const site = await db.site.findUnique({ where: { id: input.siteId }, select: { id: true } });
  if (!site) throw new AppError("NOT_FOUND", "Site not found");
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.reportPacsDestination.create({ data: { siteId: site.id, ...check.value }, select: { id: true } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "REPORT_PACS_DESTINATION_CHANGED",
        entityType: "ReportPacsDestination",
        entityId: created.id,
        siteId: site.id,
        detail: { before: null, after: { ...check.value, active: true } },
      });
      return created;
    });
  } catch (error) {
    if (isAeTitleTaken(error)) throw destinationInputError([{ field: "aeTitle", code: "AE_TAKEN" }], WHAT);
    throw error;
  }
}
