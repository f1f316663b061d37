import "server-only";
import type { ShiftRole, Subspecialty } from "@/lib/domain/enums";
import type { Db, Tx } from "../../db/client";

export interface OnCallEntry {
  radiologistId: string;
  displayName: string;
  shiftId: string;
  role: ShiftRole;
  subspecialties: Subspecialty[];
  startsAt: Date;
  endsAt: Date;
  /** The reading privilege for the site: null when there is none or it has expired at `at`. */
  privilegeExpiresAt: Date | null;
  hasPrivilege: boolean;
}

/**
 * "Who is on call now for site X", in one query: the shifts covering the site at `at`, with
 * whether each radiologist holds an unexpired reading privilege for the site. Used by
 * assignment (eligibility) and shown in the UI. Primary shifts first.
 */
export async function findOnCall(args: { db: Db | Tx; siteId: string; at: Date }): Promise<OnCallEntry[]> {
  const { db, siteId, at } = args;
  const shifts = await db.shift.findMany({
    where: {
      startsAt: { lte: at },
      endsAt: { gt: at },
      sites: { some: { siteId } },
      radiologist: { active: true, role: "RADIOLOGIST" },
    },
    select: {
      id: true,
      role: true,
      subspecialties: true,
      startsAt: true,
      endsAt: true,
      radiologist: {
        select: {
          id: true,
          displayName: true,
          privileges: {
            where: { siteId, OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] },
            select: { expiresAt: true },
          },
        },
      },
    },
    orderBy: [{ role: "asc" }, { startsAt: "asc" }],
  });
  return shifts.map((shift) => {
    const privilege = shift.radiologist.privileges[0];
    return {
      radiologistId: shift.radiologist.id,
      displayName: shift.radiologist.displayName,
      shiftId: shift.id,
      role: shift.role,
      subspecialties: shift.subspecialties,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      privilegeExpiresAt: privilege?.expiresAt ?? null,
      hasPrivilege: privilege !== undefined,
    };
  });
}
