import "server-only";
import type { Role } from "@/lib/domain/enums";
import { sessionStatus, shouldTouch } from "@/lib/domain/session-validity";
import { isSessionMethod, type SessionMethod } from "@/lib/domain/strong-authentication";
import type { Db } from "../../db/client";
import { batchPerTurn } from "../batch-per-turn";

/** A live session: how its user authenticated, and their role (what the strong-authentication policy needs). */
export interface LiveSession {
  id: string;
  userId: string;
  role: Role;
  method: SessionMethod;
  strongAt: Date | null;
}

/** The session the cookie names when it is live and belongs to this user, else null. */
export type CheckSession = (sessionId: string, userId: string) => Promise<LiveSession | null>;

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
      select: { id: true, userId: true, lastSeenAt: true, expiresAt: true, revokedAt: true, method: true, strongAt: true, user: { select: { role: true } } },
    });
    const at = now();
    const live = rows.filter((row) => sessionStatus(row, at, options.idleTimeoutMs) === "LIVE");
    const touch = live.filter((row) => shouldTouch(row.lastSeenAt, at)).map((row) => row.id);
    if (touch.length > 0) {
      void db.userSession.updateMany({ where: { id: { in: touch }, revokedAt: null }, data: { lastSeenAt: at } }).catch(() => undefined);
    }
    return new Map(
      live.map((row): [string, LiveSession] => [
        row.id,
        // An unknown method (written by a newer version) counts as the weakest.
        { id: row.id, userId: row.userId, role: row.user.role, method: isSessionMethod(row.method) ? row.method : "PASSWORD", strongAt: row.strongAt },
      ]),
    );
  });

  return async (sessionId, userId) => {
    if (!UUID.test(sessionId)) return null;
    const session = await liveOwner(sessionId);
    return session?.userId === userId ? session : null;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
