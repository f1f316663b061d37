import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DashboardQuery } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DashboardView } from "@/lib/domain/dashboard/dashboard-view";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { assertDashboardAccess, isPerRadiologist } from "./assert-dashboard-access";
import { computeDashboardView } from "./compute-dashboard-view";

/** The turnaround dashboard for the head; each read is audited with its filter. */
export async function getDashboardView(args: { db: Db; actor: Actor; query: DashboardQuery; now: Date }): Promise<DashboardView> {
  const { db, actor, query } = args;
  const asked = { filter: query.filter, dimensions: [query.breakdown] };
  assertDashboardAccess(actor, asked);
  const view = await computeDashboardView({ db, query, now: args.now });
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "DASHBOARD_READ",
    entityType: "Dashboard",
    entityId: "turnaround",
    detail: { perRadiologist: isPerRadiologist(asked), query: JSON.parse(JSON.stringify(query)) as object },
  });
  return view;
}
