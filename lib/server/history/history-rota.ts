import "server-only";
import type pg from "pg";
import { TERRITORY_TIME_ZONE } from "./history-arrivals";
import { HISTORY_AGREEMENTS, HISTORY_BACKUPS } from "./history-territory-model";
import { hashMod, literal, type Rng } from "./history-sql";

// The on-call rota of the generated territory: every day, a day slot (08:00-20:00 local) and
// a night slot (20:00-08:00), per agreement two radiologists on weekdays' day slots and one
// otherwise, plus one territory-wide backup per slot. Who is on call is a pure function of
// (pool, slot), so the requests name as reader exactly the radiologist whose shift covers
// the time they were taken, without a join.

/** Pool sizes: one pool per agreement, then the backups (pool index = agreement count). */
export const POOL_SIZES = [...HISTORY_AGREEMENTS.map((a) => a.radiologists), HISTORY_BACKUPS];
export const BACKUP_POOL = HISTORY_AGREEMENTS.length;

const SUBSPECIALTY_SETS = ["{NEURO}", "{MSK}", "{CHEST,ABDOMINAL}", "{}", "{PAEDIATRIC}", "{VASCULAR}", "{ABDOMINAL}", "{NEURO,VASCULAR}", "{}"];

/** The radiologist's number within `pool` on call in slot (dayNumber, kind), j-th of the slot. */
export function onCallIndexSql(rng: Rng, pool: string, dayNumber: string, kind: string, j: string): string {
  const size = `(ARRAY[${POOL_SIZES.join(", ")}])[(${pool}) + 1]`;
  const base = hashMod(rng.hash(`(${pool}) * 1000000 + (${dayNumber}) * 2 + (${kind})`, 900), size);
  return `((${base} + (${j})) % ${size})`;
}

/** How many radiologists of an agreement's pool are on call in a slot (weekday days: 2). */
export function slotHeadcountSql(kind: string, isoWeekday: string): string {
  return `(CASE WHEN (${kind}) = 0 AND (${isoWeekday}) <= 5 THEN 2 ELSE 1 END)`;
}

/** A radiologist's id from (pool, number). */
export function radiologistIdSql(rng: Rng, pool: string, index: string): string {
  return rng.uuid("'rad'", pool, index);
}

/** The subspecialties a radiologist declares on their shifts. */
export function subspecialtiesSql(pool: string, index: string): string {
  return `(ARRAY[${SUBSPECIALTY_SETS.map(literal).join(", ")}])[1 + ((${pool}) * 7 + (${index})) % ${SUBSPECIALTY_SETS.length}]::"Subspecialty"[]`;
}

/**
 * The slot an instant falls in: its local day (the night belongs to the day it starts) as a
 * day number, whether it is the night, and that day's ISO weekday.
 */
export function slotOfSql(instant: string): { dayNumber: string; kind: string; isoWeekday: string } {
  const shifted = `((${instant}) AT TIME ZONE '${TERRITORY_TIME_ZONE}' - interval '8 hours')`;
  return {
    dayNumber: `(${shifted}::date - date '2000-01-01')`,
    kind: `(extract(hour FROM ${shifted}) >= 12)::int`,
    isoWeekday: `extract(isodow FROM ${shifted})::int`,
  };
}

/** Inserts the shifts covering [from - 1 day, end + 7 days] and the sites each covers. */
export async function insertRota(client: pg.ClientBase, rng: Rng, args: { from: Date; end: Date; createdAt: Date }): Promise<{ shifts: number; shiftSites: number }> {
  const pools = POOL_SIZES.map((_, pool) => pool);
  const shifts = await client.query(
    `INSERT INTO "Shift" ("id", "radiologistId", "startsAt", "endsAt", "role", "subspecialties", "createdAt")
     SELECT ${rng.uuid("'shift'", "pool", "day_number", "kind", "j")},
            ${radiologistIdSql(rng, "pool", "idx")},
            (local_start AT TIME ZONE '${TERRITORY_TIME_ZONE}'),
            ((local_start + interval '12 hours') AT TIME ZONE '${TERRITORY_TIME_ZONE}'),
            (CASE WHEN pool = ${BACKUP_POOL} THEN 'BACKUP' ELSE 'PRIMARY' END)::"ShiftRole",
            ${subspecialtiesSql("pool", "idx")},
            $3
       FROM (
         SELECT pool, day_number, kind, j, local_start, ${onCallIndexSql(rng, "pool", "day_number", "kind", "j")} AS idx
           FROM (
             SELECT pool, (d - date '2000-01-01') AS day_number, kind, d + time '08:00' + kind * interval '12 hours' AS local_start,
                    CASE WHEN pool = ${BACKUP_POOL} THEN 1 ELSE ${slotHeadcountSql("kind", "extract(isodow FROM d)")} END AS headcount
               FROM generate_series(($1::timestamptz AT TIME ZONE '${TERRITORY_TIME_ZONE}')::date - 1,
                                    ($2::timestamptz AT TIME ZONE '${TERRITORY_TIME_ZONE}')::date + 7, interval '1 day') AS days(day),
                    LATERAL (SELECT day::date AS d) dd,
                    unnest(ARRAY[${pools.join(", ")}]) AS pool,
                    generate_series(0, 1) AS kind
           ) slots,
           LATERAL generate_series(0, headcount - 1) AS j
       ) on_call`,
    [args.from, args.end, args.createdAt],
  );
  // A shift covers the sites its radiologist reads for: the agreement's, or all for a backup.
  const radiologists = pools.flatMap((pool) => Array.from({ length: POOL_SIZES[pool] ?? 0 }, (_, index) => `${radiologistIdSql(rng, String(pool), String(index))}`));
  const sites = await client.query(
    `INSERT INTO "ShiftSite" ("shiftId", "siteId")
     SELECT s."id", p."siteId" FROM "Shift" s JOIN "ReadingPrivilege" p ON p."userId" = s."radiologistId"
      WHERE s."radiologistId" IN (${radiologists.join(", ")})`,
  );
  return { shifts: shifts.rowCount ?? 0, shiftSites: sites.rowCount ?? 0 };
}
