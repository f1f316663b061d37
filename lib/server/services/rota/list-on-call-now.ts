import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { ShiftRole, Subspecialty } from "@/lib/domain/enums";
import { onCallScope } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";
import { findOnCall } from "../assignment/find-on-call";

export interface OnCallNowDto {
  siteId: string;
  at: Date;
  entries: {
    radiologistId: string;
    displayName: string;
    shiftId: string;
    role: ShiftRole;
    subspecialties: Subspecialty[];
    endsAt: Date;
    /** false when the radiologist's reading privilege for the site is missing or expired. */
    hasPrivilege: boolean;
  }[];
}

/** "Who is on call now for site X" for the UI: the same query assignment uses. */
export async function listOnCallNow(args: { db: Db; actor: Actor; siteId: string; at?: Date }): Promise<OnCallNowDto> {
  const { db, actor, siteId } = args;
  const at = args.at ?? new Date();
  const scope = onCallScope(actor);
  // A site outside the actor's scope answers exactly like a missing one.
  const visible = scope.kind === "all" || scope.siteIds.includes(siteId);
  const site = visible ? await db.site.findUnique({ where: { id: siteId }, select: { id: true } }) : null;
  if (!site) throw new AppError("NOT_FOUND", "Site not found");
  const entries = await findOnCall({ db, siteId, at });
  return {
    siteId,
    at,
    entries: entries.map((entry) => ({
      radiologistId: entry.radiologistId,
      displayName: entry.displayName,
      shiftId: entry.shiftId,
      role: entry.role,
      subspecialties: entry.subspecialties,
      endsAt: entry.endsAt,
      hasPrivilege: entry.hasPrivilege,
    })),
  };
}
