import "server-only";
import type { AssignmentCandidate } from "@/lib/domain/assignment/eligibility";
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
  /** The privilege for the site whatever its expiry (null when there is none). */
  privilege: { expiresAt: Date | null } | null;
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
            // Expired privileges too: assignment explains that one expired rather than "none".
            where: { siteId },
            select: { expiresAt: true },
          },
        },
      },
    },
    orderBy: [{ role: "asc" }, { startsAt: "asc" }],
  });
  return shifts.map((shift) => {
    const privilege = shift.radiologist.privileges[0];
    const unexpired = privilege !== undefined && (privilege.expiresAt === null || privilege.expiresAt.getTime() > at.getTime());
    return {
      radiologistId: shift.radiologist.id,
      displayName: shift.radiologist.displayName,
      shiftId: shift.id,
      role: shift.role,
      subspecialties: shift.subspecialties,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      privilegeExpiresAt: unexpired ? privilege.expiresAt : null,
      hasPrivilege: unexpired,
      privilege: privilege ? { expiresAt: privilege.expiresAt } : null,
    };
  });
}

/** An on-call entry as the pure assignment policy sees it (lib/domain/assignment). */
export function toCandidate(entry: OnCallEntry): AssignmentCandidate {
  return {
    id: entry.radiologistId,
    name: entry.displayName,
    shiftId: entry.shiftId,
    shiftRole: entry.role,
    shiftStartsAt: entry.startsAt,
    shiftEndsAt: entry.endsAt,
    subspecialties: entry.subspecialties,
    privilege: entry.privilege,
  };
}
