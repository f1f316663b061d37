import "server-only";
import type { Actor } from "@/lib/domain/access";
import { requestIdSchema } from "@/lib/domain/worklist-filter-schema";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "./request-scope";

/**
 * Whether the request exists within the actor's scope. Pages use it to answer 404 before
 * rendering; it reads no patient data, so it is not audited (the detail query is).
 */
export async function isRequestVisible(args: { db: Db; actor: Actor; requestId: string }): Promise<boolean> {
  if (!requestIdSchema.safeParse({ requestId: args.requestId }).success) return false;
  const found = await args.db.readingRequest.findFirst({
    where: { AND: [{ id: args.requestId }, visibleRequestsWhere(args.actor)] },
    select: { id: true },
  });
  return found !== null;
}
