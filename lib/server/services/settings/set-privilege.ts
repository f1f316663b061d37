import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { SetPrivilege } from "@/lib/domain/rota/settings-schemas";
import { startOfLocalDay } from "@/lib/domain/rota/wall-clock";
import { writeAudit } from "../../audit/write-audit";
import { announceRightsChanged } from "../../auth/sessions/session-events";
import type { Db } from "../../db/client";

/**
 * Grants a radiologist the right to read for a site, or changes its expiry. The privilege
 * stops at 00:00 (Paris) on `expiresOn`; from then on the radiologist is not eligible for the
 * site (assignment, claims, "on call now"), even while on shift. Actors are reloaded on every
 * request, so it takes effect at once.
 */
export async function setPrivilege(args: { db: Db; actor: Actor; input: SetPrivilege }): Promise<{ expiresAt: Date | null }> {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages reading privileges");
  const expiresAt = input.expiresOn === null ? null : startOfLocalDay(input.expiresOn);

  const changed = await db.$transaction(async (tx) => {
    const [user, site] = await Promise.all([
      tx.user.findFirst({ where: { id: input.userId, role: "RADIOLOGIST" }, select: { id: true } }),
      tx.site.findUnique({ where: { id: input.siteId }, select: { id: true } }),
    ]);
    if (!user || !site) throw new AppError("NOT_FOUND", "Radiologist or site not found");
    const before = await tx.readingPrivilege.findUnique({
      where: { userId_siteId: { userId: input.userId, siteId: input.siteId } },
      select: { expiresAt: true },
    });
    await tx.readingPrivilege.upsert({
      where: { userId_siteId: { userId: input.userId, siteId: input.siteId } },
      create: { userId: input.userId, siteId: input.siteId, expiresAt },
      update: { expiresAt },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "PRIVILEGE_CHANGED",
      entityType: "ReadingPrivilege",
      entityId: input.userId,
      siteId: input.siteId,
      detail: {
        change: before ? "expiry" : "granted",
        before: before ? (before.expiresAt?.toISOString() ?? null) : null,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return { expiresAt };
  });
  // Sockets computed their rooms from the old rights: they reconnect with the new ones.
  announceRightsChanged(input.userId);
  return changed;
}
