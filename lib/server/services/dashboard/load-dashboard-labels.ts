import "server-only";
import type { Db } from "../../db/client";

/** Names shown for site and radiologist groups, by id: "CODE · name" and display names. */
export async function loadDashboardLabels(db: Db): Promise<Map<string, string>> {
  const [sites, radiologists] = await Promise.all([
    db.site.findMany({ select: { id: true, code: true, name: true } }),
    db.user.findMany({ where: { role: "RADIOLOGIST" }, select: { id: true, displayName: true } }),
  ]);
  return new Map([...sites.map((site) => [site.id, `${site.code} · ${site.name}`] as const), ...radiologists.map((user) => [user.id, user.displayName] as const)]);
}
