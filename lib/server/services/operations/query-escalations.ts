import "server-only";
import type { EscalatedFinding, EscalatedRequest, ListPage } from "@/lib/domain/operations/board-view";
import type { Db } from "../../db/client";
import { BOARD_REQUEST_COLUMNS, BOARD_REQUEST_JOINS, OPEN_REQUEST, toBoardRequest, type BoardRequestRow } from "./board-sql";

/**
 * Open requests that escalated (level > 0, the [escalationLevel] index), highest level first,
 * then the longest escalated. Their total is the backlog's escalated counter.
 */
export async function queryEscalatedRequests(db: Db, limit: number): Promise<EscalatedRequest[]> {
  const rows = await db.$queryRaw<(BoardRequestRow & { escalatedAt: Date | null; holdAcknowledgedAt: Date | null })[]>`
    SELECT ${BOARD_REQUEST_COLUMNS}, r."escalatedAt", r."holdAcknowledgedAt"
    FROM "ReadingRequest" r
    ${BOARD_REQUEST_JOINS}
    WHERE r."escalationLevel" > 0 AND ${OPEN_REQUEST}
    ORDER BY r."escalationLevel" DESC, r."escalatedAt" ASC NULLS LAST, r."id"
    LIMIT ${limit}`;
  return rows.map((row) => ({ ...toBoardRequest(row), escalatedAt: row.escalatedAt, holderAcknowledged: row.holderId !== null && row.holdAcknowledgedAt !== null }));
}

/** The finding as the board shows it, with the count of all of them (the list is cut). */
type FindingRow = EscalatedFinding & { total: number };

/**
 * Critical findings that escalated (nobody acknowledged them in time) and are still not
 * acknowledged, whatever the request's status: a finding is usually flagged at signing.
 * Longest escalated first; the window count gives the total in the same round trip.
 */
export async function queryEscalatedFindings(db: Db, limit: number): Promise<ListPage<EscalatedFinding>> {
  const rows = await db.$queryRaw<FindingRow[]>`
    SELECT f."id", f."requestId", r."accessionNumber", r."priority"::text AS "priority", s."code" AS "siteCode",
      f."category"::text AS "category", u."displayName" AS "flaggedBy", f."flaggedAt", f."acknowledgeBy", f."escalatedAt",
      (count(*) OVER ())::int AS "total"
    FROM "CriticalFinding" f
    JOIN "ReadingRequest" r ON r."id" = f."requestId"
    JOIN "Site" s ON s."id" = r."siteId"
    JOIN "User" u ON u."id" = f."flaggedById"
    WHERE f."escalatedAt" IS NOT NULL AND f."acknowledgedAt" IS NULL
    ORDER BY f."escalatedAt", f."id"
    LIMIT ${limit}`;
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) };
}
