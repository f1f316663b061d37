import "server-only";
import type { AtRiskRequest } from "@/lib/domain/operations/board-view";
import { turnaroundStanding } from "@/lib/domain/operations/turnaround-risk";
import type { Priority } from "@/lib/domain/enums";
import type { Db } from "../../db/client";
import { BOARD_REQUEST_COLUMNS, BOARD_REQUEST_JOINS, OPEN_REQUEST, toBoardRequest, type BoardRequestRow } from "./board-sql";
import { priorityCutoffs } from "./query-backlog";

/**
 * The open requests at or past 75 % of their target, soonest deadline first (the latest lead),
 * `limit` of them. Per priority, "submitted at or before the cutoff" is a range of the
 * [status, priority, submittedAt] index. The total is the backlog's at-risk counter.
 */
export async function queryAtRisk(db: Db, targets: Record<Priority, number>, now: Date, limit: number): Promise<AtRiskRequest[]> {
  // The soonest deadlines first, on the request alone; the labels are joined to those rows only.
  const rows = await db.$queryRaw<BoardRequestRow[]>`
    SELECT ${BOARD_REQUEST_COLUMNS}
    FROM (
      SELECT r."id", r."submittedAt" + c."targetS" * interval '1 second' AS "deadline"
      FROM "ReadingRequest" r
      JOIN (VALUES ${priorityCutoffs(targets, now)}) AS c("priority", "targetS", "atRiskFrom", "lateBefore") ON c."priority" = r."priority"
      WHERE ${OPEN_REQUEST} AND r."submittedAt" <= c."atRiskFrom"
      ORDER BY 2, 1
      LIMIT ${limit}
    ) soonest
    JOIN "ReadingRequest" r ON r."id" = soonest."id"
    ${BOARD_REQUEST_JOINS}
    ORDER BY soonest."deadline", soonest."id"`;
  return rows.map((row) => {
    const targetS = targets[row.priority];
    const { deadline, remainingMs } = turnaroundStanding(row.submittedAt, targetS, now);
    return { ...toBoardRequest(row), targetS, deadline, remainingMs };
  });
}
