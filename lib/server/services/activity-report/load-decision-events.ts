import "server-only";
import type { DecisionEvent } from "@/lib/domain/activity-report/activity-report-model";
import type { Db } from "../../db/client";

/**
 * The refusals (INDICATION_REFUSED) or cancellations (CANCELLED) decided in [from, to) for the
 * sites, with the reason the decider wrote. Both statuses are final, so the requests are found
 * by their current status on the (siteId, status) index, then their events by (requestId, at):
 * no scan of the whole event table. No patient identity is selected.
 */
export async function loadDecisionEvents(
  db: Db,
  args: { siteIds: string[]; status: "INDICATION_REFUSED" | "CANCELLED"; from: Date; to: Date },
): Promise<DecisionEvent[]> {
  const events = await db.requestEvent.findMany({
    where: {
      type: "STATUS_CHANGED",
      toStatus: args.status,
      at: { gte: args.from, lt: args.to },
      request: { siteId: { in: args.siteIds }, status: args.status },
    },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: {
      at: true,
      reason: true,
      request: { select: { accessionNumber: true, type: true, priority: true, modality: true, site: { select: { code: true } } } },
    },
  });
  return events.map(({ at, reason, request }) => ({
    at,
    reason,
    accessionNumber: request.accessionNumber,
    siteCode: request.site.code,
    type: request.type,
    priority: request.priority,
    modality: request.modality,
  }));
}
