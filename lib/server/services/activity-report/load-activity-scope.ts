import "server-only";
import type { ActivityScope } from "@/lib/domain/activity-report/activity-report-model";
import type { ActivityReportRequest } from "@/lib/domain/activity-report/activity-report-schema";
import { AppError } from "@/lib/domain/errors";
import type { Db } from "../../db/client";

export interface LoadedScope {
  scope: ActivityScope;
  /** The sites whose requests the report counts: never empty (an empty site filter means "all" to the dashboard). */
  siteIds: string[];
  /** What the audit row names. */
  audit: { entityType: "Site" | "SiteGroup"; entityId: string; siteId: string | null };
  /** A file name part: ASCII, no quote or slash, so that it is safe in a Content-Disposition header. */
  slug: string;
}

/** The site or the inter-hospital agreement (SiteGroup) a report is about; NOT_FOUND when unknown. */
export async function loadActivityScope(db: Db, wanted: ActivityReportRequest["scope"]): Promise<LoadedScope> {
  if (wanted.kind === "site") {
    const site = await db.site.findUnique({ where: { id: wanted.id }, select: { id: true, code: true, name: true } });
    if (!site) throw new AppError("NOT_FOUND", "Site not found");
    return {
      scope: { kind: "site", code: site.code, name: site.name },
      siteIds: [site.id],
      audit: { entityType: "Site", entityId: site.id, siteId: site.id },
      slug: slugOf(site.code),
    };
  }
  const group = await db.siteGroup.findUnique({
    where: { id: wanted.id },
    select: { id: true, name: true, sites: { select: { id: true, code: true, name: true }, orderBy: { code: "asc" } } },
  });
  if (!group) throw new AppError("NOT_FOUND", "Agreement not found");
  // A report over no site would read as the whole territory's: refused rather than mislabelled.
  if (group.sites.length === 0) throw new AppError("BAD_INPUT", "This agreement has no site", { field: "groupId", message: "activity.validation.emptyGroup" });
  return {
    scope: { kind: "group", name: group.name, sites: group.sites.map(({ code, name }) => ({ code, name })) },
    siteIds: group.sites.map((site) => site.id),
    audit: { entityType: "SiteGroup", entityId: group.id, siteId: null },
    slug: slugOf(group.name),
  };
}

/** "GHT Bourgogne Sud" -> "ght-bourgogne-sud". */
function slugOf(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "perimetre";
}
