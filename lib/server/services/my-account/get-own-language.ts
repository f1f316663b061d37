import "server-only";
import type { Actor } from "@/lib/domain/access";
import { isLocale, type Locale } from "@/lib/i18n/types";
import type { Db } from "../../db/client";

/** The language saved on the user's profile, or null when they never chose one. */
export async function getOwnLanguage(args: { db: Db; actor: Actor }): Promise<{ language: Locale | null }> {
  return { language: await profileLanguage(args.db, args.actor.id) };
}

export async function profileLanguage(db: Db, userId: string): Promise<Locale | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { uiLanguage: true } });
  return isLocale(user?.uiLanguage) ? user.uiLanguage : null;
}
