import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Locale } from "@/lib/i18n/types";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/**
 * Remembers the interface language on the user's own profile, so signing in on another
 * workstation (a shared one at night) opens in it. Choosing the language already set writes nothing.
 */
export async function setOwnLanguage(args: { db: Db; actor: Actor; language: Locale }): Promise<{ language: Locale; changed: boolean }> {
  const { db, actor, language } = args;
  const changed = await db.$transaction(async (tx) => {
    // Conditional: only a real change is written (and audited).
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, OR: [{ uiLanguage: null }, { uiLanguage: { not: language } }] },
      data: { uiLanguage: language },
    });
    if (count === 0) return false;
    await writeAudit(tx, { actorId: actor.id, action: "LANGUAGE_CHANGED", entityType: "User", entityId: actor.id, detail: { language } });
    return true;
  });
  return { language, changed };
}
