import "server-only";
import { sessionStatus, shouldTouch } from "@/lib/domain/session-validity";
import type { Db } from "../../db/client";

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
  type Batch = Map<string, { userId: string; resolve: (live: boolean) => void; reject: (error: unknown) => void }[]>;
  let pending: Batch | null = null;

  const flush = async (batch: Batch): Promise<void> => {
    try {
      const rows = await db.userSession.findMany({
        where: { id: { in: [...batch.keys()] } },
        select: { id: true, userId: true, lastSeenAt: true, expiresAt: true, revokedAt: true },
      });
      const at = now();
      const byId = new Map(rows.map((row) => [row.id, row]));
      const touch: string[] = [];
      for (const [sessionId, waiters] of batch) {
        const row = byId.get(sessionId);
        const live = row !== undefined && sessionStatus(row, at, options.idleTimeoutMs) === "LIVE";
        if (live && shouldTouch(row.lastSeenAt, at)) touch.push(sessionId);
        for (const waiter of waiters) waiter.resolve(live && row.userId === waiter.userId);
      }
      if (touch.length > 0) {
        void db.userSession.updateMany({ where: { id: { in: touch }, revokedAt: null }, data: { lastSeenAt: at } }).catch(() => undefined);
      }
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  };

  return (sessionId, userId) =>
    new Promise((resolve, reject) => {
      if (!UUID.test(sessionId)) return resolve(false);
      if (!pending) {
        const batch: Batch = new Map();
        pending = batch;
        setImmediate(() => {
          pending = null;
          void flush(batch);
        });
      }
      const current: Batch = pending;
      const waiters = current.get(sessionId) ?? [];
      waiters.push({ userId, resolve, reject });
      current.set(sessionId, waiters);
    });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
