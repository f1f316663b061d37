import "server-only";
import type pg from "pg";
import { ARRIVALS_BY_HOUR, ARRIVALS_BY_WEEKDAY } from "./history-request-model";
import { numberArray } from "./history-sql";

export const TERRITORY_TIME_ZONE = "Europe/Paris";

/**
 * Spreads `requests` arrivals over the hours of [from, end): each hour gets its share of a
 * rate shaped by the local hour, the weekday, the season (winter epidemics) and a slow growth
 * over the year. Request numbers [lo, hi) fall in an hour, so arrivals come out in time order
 * and the total is exact. Kept in a temporary table the request plans join.
 */
export async function createArrivalHours(client: pg.ClientBase, args: { requests: number; from: Date; end: Date }): Promise<number> {
  await client.query(`DROP TABLE IF EXISTS hist_hours`);
  const result = await client.query(
    `CREATE TEMP TABLE hist_hours AS
     WITH hours AS (
       SELECT n, $1::timestamptz + n * interval '1 hour' AS ts
         FROM generate_series(0, floor(extract(epoch FROM ($2::timestamptz - $1::timestamptz)) / 3600)::int - 1) n
     ), weighted AS (
       SELECT n, ts,
              (${numberArray(ARRIVALS_BY_HOUR)})[1 + extract(hour FROM ts AT TIME ZONE '${TERRITORY_TIME_ZONE}')::int]
              * (${numberArray(ARRIVALS_BY_WEEKDAY)})[extract(isodow FROM ts AT TIME ZONE '${TERRITORY_TIME_ZONE}')::int]
              * (1 + 0.08 * cos(2 * pi() * (extract(doy FROM ts AT TIME ZONE '${TERRITORY_TIME_ZONE}') - 20) / 365.25))
              * (1 + 0.06 * n / greatest(1, extract(epoch FROM ($2::timestamptz - $1::timestamptz)) / 3600)) AS w
         FROM hours
     ), cumulative AS (
       SELECT n, ts, w, sum(w) OVER (ORDER BY n) AS upto, sum(w) OVER () AS total FROM weighted
     )
     SELECT n, ts, floor($3::float8 * (upto - w) / total)::bigint AS lo, floor($3::float8 * upto / total)::bigint AS hi
       FROM cumulative`,
    [args.from, args.end, args.requests],
  );
  // Rounding down the last upper bound could lose one request: the last hour keeps it.
  await client.query(`UPDATE hist_hours SET hi = $1 WHERE n = (SELECT max(n) FROM hist_hours)`, [args.requests]);
  await client.query(`CREATE INDEX ON hist_hours (lo, hi)`);
  await client.query(`ANALYZE hist_hours`);
  return result.rowCount ?? 0;
}
