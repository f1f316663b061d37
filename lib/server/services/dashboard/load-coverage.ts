import "server-only";
import { hourOccurrences, onCallByHour } from "@/lib/domain/dashboard/coverage-by-hour";
import type { Db } from "../../db/client";

/**
 * Radiologists on call per hour of the week over the period [fromS, toS) (epoch seconds), for
 * the filtered sites (all when none): the coverage the arrivals heatmap is read against. The
 * caller stops the period at now: hours to come have neither arrivals nor a past rota.
 */
export async function loadOnCallCoverage(db: Db, args: { fromS: number; toS: number; siteIds: readonly string[] }): Promise<number[]> {
  const shifts = await db.shift.findMany({
    where: {
      startsAt: { lt: new Date(args.toS * 1000) },
      endsAt: { gt: new Date(args.fromS * 1000) },
      ...(args.siteIds.length > 0 ? { sites: { some: { siteId: { in: [...args.siteIds] } } } } : {}),
    },
    select: { radiologistId: true, startsAt: true, endsAt: true },
  });
  return onCallByHour(
    shifts.map((shift) => ({ radiologistId: shift.radiologistId, startsAt: shift.startsAt.getTime() / 1000, endsAt: shift.endsAt.getTime() / 1000 })),
    args.fromS,
    args.toS,
    hourOccurrences(args.fromS, args.toS),
  );
}
