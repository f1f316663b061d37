import "server-only";
import type { Actor } from "@/lib/domain/access";
import { requestScope } from "@/lib/domain/access";
import type { Db } from "../../db/client";

export interface SiteDto {
  id: string;
  code: string;
  name: string;
}

/** Sites whose requests the actor may see: the choices of the worklist's site filter. */
export async function listVisibleSites(args: { db: Db; actor: Actor }): Promise<SiteDto[]> {
  const scope = requestScope(args.actor);
  return args.db.site.findMany({
    where: scope.kind === "all" ? { kind: "HOSPITAL" } : { id: { in: [...scope.siteIds] } },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
}
