import "server-only";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import type { Db } from "../../db/client";
import { autoAssignRequest } from "./auto-assign-request";

/** Enough for any real pool; a larger backlog is taken by the next shift start or by hand. */
const MAX_REQUESTS = 200;

/**
 * A shift starts: the requests that waited in the pool of its sites (nobody eligible was on
 * call when they arrived) are offered to automatic assignment again, most urgent first.
 * Re-entrant: each assignment is conditional on the request still being unheld.
 */
export async function assignWaitingRequests(args: { db: Db; shiftId: string; scheduledStart: Date; now: Date }): Promise<{ assigned: number }> {
  const { db, now } = args;
  const shift = await db.shift.findUnique({ where: { id: args.shiftId }, select: { startsAt: true, sites: { select: { siteId: true } } } });
  if (!shift || shift.startsAt.getTime() !== args.scheduledStart.getTime()) return { assigned: 0 };

  const waiting = await db.readingRequest.findMany({
    where: {
      siteId: { in: shift.sites.map((site) => site.siteId) },
      site: { autoAssign: true },
      holderId: null,
      status: { in: [...OPEN_STATUSES] },
    },
    select: { id: true },
    orderBy: [{ priority: "asc" }, { submittedAt: "asc" }],
    take: MAX_REQUESTS,
  });
  let assigned = 0;
  for (const request of waiting) {
    const outcome = await autoAssignRequest({ db, requestId: request.id, now });
    if (outcome.kind === "ASSIGNED") assigned++;
  }
  return { assigned };
}
