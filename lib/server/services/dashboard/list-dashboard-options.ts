import "server-only";
import type { Actor } from "@/lib/domain/access";
import { canOpenDashboards, canSeeRadiologistFigures } from "@/lib/domain/dashboard/dashboard-access";
import { AppError } from "@/lib/domain/errors";
import type { Db } from "../../db/client";

export interface DashboardOptions {
  sites: { id: string; code: string; name: string }[];
  /** Inter-hospital agreements: the sites sharing an on-call group. */
  groups: { id: string; name: string; siteIds: string[] }[];
  /** Empty for whoever may not see per-radiologist figures. */
  radiologists: { id: string; displayName: string }[];
}

/** What the dashboard's filters offer. */
export async function listDashboardOptions(args: { db: Db; actor: Actor }): Promise<DashboardOptions> {
  const { db, actor } = args;
  if (!canOpenDashboards(actor)) throw new AppError("FORBIDDEN", "The dashboards are the department head's");
  const [sites, groups, radiologists] = await Promise.all([
    db.site.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
    db.siteGroup.findMany({ select: { id: true, name: true, sites: { select: { id: true } } }, orderBy: { name: "asc" } }),
    canSeeRadiologistFigures(actor)
      ? db.user.findMany({ where: { role: "RADIOLOGIST" }, select: { id: true, displayName: true }, orderBy: { displayName: "asc" } })
      : Promise.resolve([]),
  ]);
  return { sites, groups: groups.map((group) => ({ id: group.id, name: group.name, siteIds: group.sites.map((site) => site.id) })), radiologists };
}
