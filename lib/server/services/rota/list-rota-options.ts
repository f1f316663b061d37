import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canReadRota } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";

export interface RotaOptionsDto {
  radiologists: { id: string; displayName: string; readableSiteIds: string[] }[];
  sites: { id: string; code: string; name: string; groupId: string | null }[];
  groups: { id: string; name: string; siteIds: string[] }[];
}

/** The choices of the shift form: radiologists (with the sites they may read for now), sites, groups. */
export async function listRotaOptions(args: { db: Db; actor: Actor; now?: Date }): Promise<RotaOptionsDto> {
  const { db, actor } = args;
  const now = args.now ?? new Date();
  if (!canReadRota(actor)) throw new AppError("FORBIDDEN", "The rota is for radiologists, heads and administrators");
  const [radiologists, sites, groups] = await Promise.all([
    db.user.findMany({
      where: { role: "RADIOLOGIST", active: true },
      select: {
        id: true,
        displayName: true,
        privileges: { where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { siteId: true } },
      },
      orderBy: { displayName: "asc" },
    }),
    db.site.findMany({ select: { id: true, code: true, name: true, groupId: true }, orderBy: { code: "asc" } }),
    db.siteGroup.findMany({ select: { id: true, name: true, sites: { select: { id: true } } }, orderBy: { name: "asc" } }),
  ]);
  return {
    radiologists: radiologists.map((r) => ({ id: r.id, displayName: r.displayName, readableSiteIds: r.privileges.map((p) => p.siteId) })),
    sites,
    groups: groups.map((g) => ({ id: g.id, name: g.name, siteIds: g.sites.map((s) => s.id) })),
  };
}
