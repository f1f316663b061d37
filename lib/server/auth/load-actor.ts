import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Db } from "../db/client";

/**
 * Loads the acting user fresh from the database on every request, so that a deactivated
 * account or an expired reading privilege takes effect at once, whatever the session says.
 */
export async function loadActor(db: Db, userId: string, now: Date = new Date()): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      displayName: true,
      siteId: true,
      active: true,
      privileges: {
        where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        select: { siteId: true },
      },
    },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    siteId: user.siteId,
    readableSiteIds: user.role === "RADIOLOGIST" ? user.privileges.map((p) => p.siteId) : [],
  };
}
