import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Db } from "../db/client";

/**
 * Loads the acting users fresh from the database on every request, so that a deactivated
 * account or an expired reading privilege takes effect at once, whatever the session says.
 */
export async function loadActors(db: Db, userIds: readonly string[], now: Date = new Date()): Promise<Map<string, Actor>> {
  const users = await db.user.findMany({
    where: { id: { in: [...userIds] }, active: true },
    select: {
      id: true,
      role: true,
      displayName: true,
      siteId: true,
      privileges: {
        where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        select: { siteId: true },
      },
    },
  });
  return new Map(
    users.map((user) => [
      user.id,
      {
        id: user.id,
        role: user.role,
        displayName: user.displayName,
        siteId: user.siteId,
        readableSiteIds: user.role === "RADIOLOGIST" ? user.privileges.map((p) => p.siteId).sort() : [],
      },
    ]),
  );
}

export async function loadActor(db: Db, userId: string, now: Date = new Date()): Promise<Actor | null> {
  return (await loadActors(db, [userId], now)).get(userId) ?? null;
}
