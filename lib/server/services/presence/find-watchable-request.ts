import "server-only";
import type { Actor } from "@/lib/domain/access";
import { requestIdSchema } from "@/lib/domain/worklist-filter-schema";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";

/**
 * The site of a request the actor may see, or null (missing or foreign alike). The socket
 * server asks before it announces that someone looks at a request. Reads no patient data.
 */
export async function findWatchableRequest(args: { db: Db; actor: Actor; requestId: string }): Promise<{ siteId: string } | null> {
  if (!requestIdSchema.safeParse({ requestId: args.requestId }).success) return null;
  return args.db.readingRequest.findFirst({
    where: { AND: [{ id: args.requestId }, visibleRequestsWhere(args.actor)] },
    select: { siteId: true },
  });
}
