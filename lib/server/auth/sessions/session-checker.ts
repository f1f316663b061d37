import "server-only";
import { sessionStatus, shouldTouch } from "@/lib/domain/session-validity";
import type { Db } from "../../db/client";
import { batchPerTurn } from "../batch-per-turn";

/** Whether the session the cookie names is live and belongs to this user. */
export type CheckSession = (sessionId: string, userId: string) => Promise<boolean>;

/**
 * Session checks of the requests that arrive together, in one query per event-loop turn (a
 * live worklist refetching after a change sends many at once). The last activity moves
 * forward at most once a minute per session, in the background: a failed touch costs the
 * idle clock a minute, never the request.
 */
export function createSessionChecker(db: Db, options: { idleTimeoutMs: number; now?: () => Date }): CheckSession {
  const now = options.now ?? (() => new Date());
  const liveOwner = batchPerTurn(async (sessionIds) => {
    const rows = await db.userSession.findMany({
      where: { id: { in: sessionIds } },
      select: { id: true, userId: true, lastSeenAt: true, expiresAt: true, revokedAt: true },
    });
    const at = now();
    const live = rows.filter((row) => sessionStatus(row, at, options.idleTimeoutMs) === "LIVE");
    const touch = live.filter((row) => shouldTouch(row.lastSeenAt, at)).map((row) => row.id);
    if (touch.length > 0) {
      void db.userSession.updateMany({ where: { id: { in: touch }, revokedAt: null }, data: { lastSeenAt: at } }).catch(() => undefined);
    }
    return new Map(live.map((row) => [row.id, row.userId]));
  });

  return async (sessionId, userId) => UUID.test(sessionId) && (await liveOwner(sessionId)) === userId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
