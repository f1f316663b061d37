import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { PresentViewer } from "@/lib/domain/presence";
import type { Db } from "../../db/client";
import { getPresenceStore, type PresenceStore } from "../../realtime/presence-store";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface RequestPresence {
  requestId: string;
  /** Everyone looking, the actor included (the UI says "you"). */
  viewers: PresentViewer[];
}

/**
 * Who is looking at each of the given requests right now, for the requests the actor may see
 * (others are left out, like missing ones). Requests nobody looks at are left out too.
 * Names and roles of colleagues only: no patient data, so not audited.
 */
export async function listPresence(args: {
  db: Db;
  actor: Actor;
  requestIds: readonly string[];
  store?: PresenceStore;
}): Promise<RequestPresence[]> {
  const watched = await (args.store ?? getPresenceStore()).viewersOf(new Set(args.requestIds));
  if (watched.size === 0) return [];
  const visible = await args.db.readingRequest.findMany({
    where: { AND: [{ id: { in: [...watched.keys()] } }, visibleRequestsWhere(args.actor)] },
    select: { id: true },
  });
  return visible.flatMap(({ id }) => {
    const viewers = watched.get(id);
    return viewers ? [{ requestId: id, viewers }] : [];
  });
}
