import "server-only";
import type { RadiologistLoad } from "@/lib/domain/operations/board-view";
import type { CoveringShift } from "@/lib/domain/operations/on-call-load";
import type { ShiftRole } from "@/lib/domain/enums";
import type { Db } from "../../db/client";
import { OPEN_REQUEST, utcInstant } from "./board-sql";

interface ShiftRow {
  role: ShiftRole;
  startsAt: Date;
  endsAt: Date;
  radiologistId: string;
  radiologistName: string;
  siteCodes: string[];
}

/** The rota's shifts covering `now` (active radiologists, as assignment sees them), with their sites' codes. */
export async function queryCoveringShifts(db: Db, now: Date): Promise<CoveringShift[]> {
  const at = utcInstant(now);
  const rows = await db.$queryRaw<ShiftRow[]>`
    SELECT sh."role"::text AS "role", sh."startsAt", sh."endsAt", u."id" AS "radiologistId", u."displayName" AS "radiologistName",
      array_remove(array_agg(site."code" ORDER BY site."code"), NULL) AS "siteCodes"
    FROM "Shift" sh
    JOIN "User" u ON u."id" = sh."radiologistId"
    LEFT JOIN "ShiftSite" ss ON ss."shiftId" = sh."id"
    LEFT JOIN "Site" site ON site."id" = ss."siteId"
    WHERE sh."startsAt" <= ${at} AND sh."endsAt" > ${at} AND u."active" AND u."role" = 'RADIOLOGIST'
    GROUP BY sh."id", u."id"`;
  return rows.map((row) => ({ radiologist: { id: row.radiologistId, name: row.radiologistName }, role: row.role, siteCodes: row.siteCodes, startsAt: row.startsAt, endsAt: row.endsAt }));
}

/** The next shift to start after `now`: the on-call table changes then. */
export async function queryNextShiftStart(db: Db, now: Date): Promise<Date | null> {
  const rows = await db.$queryRaw<{ startsAt: Date | null }[]>`SELECT min("startsAt") AS "startsAt" FROM "Shift" WHERE "startsAt" > ${utcInstant(now)}`;
  return rows[0]?.startsAt ?? null;
}

/** Everyone holding open requests: how many, and how many of those they are reading. */
export async function queryHolderLoads(db: Db): Promise<RadiologistLoad[]> {
  const rows = await db.$queryRaw<{ id: string; name: string; held: number; inReading: number }[]>`
    SELECT u."id", u."displayName" AS "name", count(*)::int AS "held",
      (count(*) FILTER (WHERE r."status" = 'IN_READING'))::int AS "inReading"
    FROM "ReadingRequest" r
    JOIN "User" u ON u."id" = r."holderId"
    WHERE ${OPEN_REQUEST} AND r."holderId" IS NOT NULL
    GROUP BY u."id"`;
  return rows.map((row) => ({ radiologist: { id: row.id, name: row.name }, held: row.held, inReading: row.inReading }));
}
