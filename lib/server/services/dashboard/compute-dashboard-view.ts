import "server-only";
import { completeView } from "@/lib/domain/dashboard/complete-view";
import { computeView } from "@/lib/domain/dashboard/compute-view";
import { hourOccurrences } from "@/lib/domain/dashboard/coverage-by-hour";
import type { DashboardQuery } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DashboardView } from "@/lib/domain/dashboard/dashboard-view";
import { addDays, wallClockToInstant } from "@/lib/domain/rota/wall-clock";
import type { Db } from "../../db/client";
import { loadOnCallCoverage } from "./load-coverage";
import { loadDashboardLabels } from "./load-dashboard-labels";
import { loadTurnaroundTargets } from "./load-turnaround-targets";
import { turnaroundIndexFor } from "./turnaround-index";

/**
 * The dashboard's figures for a query, from the in-memory index of the requests' milestones.
 * No role check and no audit: get-dashboard-view.ts and the exports do both.
 */
export async function computeDashboardView(args: { db: Db; query: DashboardQuery; now: Date }): Promise<DashboardView> {
  const { db, query, now } = args;
  const fromS = wallClockToInstant(`${query.filter.from}T00:00`).getTime() / 1000;
  const endS = wallClockToInstant(`${addDays(query.filter.to, 1)}T00:00`).getTime() / 1000;
  // Hours to come have neither arrivals nor a past rota: the heatmap's period stops at now.
  const toS = Math.max(fromS, Math.min(endS, Math.floor(now.getTime() / 1000)));
  // Names and coverage are read while the figures are counted (the pass holds the thread, the
  // database answers meanwhile); a failure is reported by the await below, not left unhandled.
  const supplied = Promise.all([loadDashboardLabels(db), loadOnCallCoverage(db, { fromS, toS, siteIds: query.filter.siteIds })]);
  supplied.catch(() => undefined);
  const [columns, targets] = await Promise.all([turnaroundIndexFor(db).catchUp(db), loadTurnaroundTargets(db)]);
  const view = computeView({ columns, query, targets, now: Math.floor(now.getTime() / 1000), occurrences: hourOccurrences(fromS, toS) });
  const [labels, onCall] = await supplied;
  return completeView(view, { labels, onCall });
}
