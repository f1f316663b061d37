import "server-only";
import type { Actor } from "@/lib/domain/access";
import { onCallScope } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";

/** The sites whose on-call the actor may look up (the choices of the "on call now" panel). */
export async function listOnCallSites(args: { db: Db; actor: Actor }): Promise<{ id: string; code: string; name: string }[]> {
  const scope = onCallScope(args.actor);
  return args.db.site.findMany({
    where: scope.kind === "all" ? { kind: "HOSPITAL" } : { id: { in: [...scope.siteIds] } },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
}
