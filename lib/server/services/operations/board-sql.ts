import "server-only";
import type { BoardRequest } from "@/lib/domain/operations/board-view";
import type { Modality, Priority, RequestStatus, RequestType } from "@/lib/domain/enums";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import { Prisma } from "@/lib/generated/prisma/client";

// Pieces shared by the board's queries. They are raw SQL to read narrow columns, join the
// few labels the board shows (site code, holder name) and aggregate in one round trip each.

/** An instant as the columns store it: UTC wall time (timestamp without time zone). */
export function utcInstant(at: Date): Prisma.Sql {
  return Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** `r.status` is open: matches the [status, priority, submittedAt] index. */
export const OPEN_REQUEST = Prisma.sql`r."status" = ANY(${[...OPEN_STATUSES]}::"RequestStatus"[])`;

/** The columns of a BoardRequest, from `r` (the request), `s` (its site) and `h` (its holder). */
export const BOARD_REQUEST_COLUMNS = Prisma.sql`
  r."id", r."accessionNumber", r."priority"::text AS "priority", r."type"::text AS "type",
  r."modality"::text AS "modality", r."status"::text AS "status", s."code" AS "siteCode",
  h."id" AS "holderId", h."displayName" AS "holderName", r."escalationLevel", r."submittedAt"`;

export const BOARD_REQUEST_JOINS = Prisma.sql`
  JOIN "Site" s ON s."id" = r."siteId"
  LEFT JOIN "User" h ON h."id" = r."holderId"`;

export interface BoardRequestRow {
  id: string;
  accessionNumber: string;
  priority: Priority;
  type: RequestType;
  modality: Modality;
  status: RequestStatus;
  siteCode: string;
  holderId: string | null;
  holderName: string | null;
  escalationLevel: number;
  submittedAt: Date;
}

export function toBoardRequest(row: BoardRequestRow): BoardRequest {
  return {
    id: row.id,
    accessionNumber: row.accessionNumber,
    priority: row.priority,
    type: row.type,
    modality: row.modality,
    status: row.status,
    siteCode: row.siteCode,
    holder: row.holderId !== null && row.holderName !== null ? { id: row.holderId, name: row.holderName } : null,
    escalationLevel: row.escalationLevel,
    submittedAt: row.submittedAt,
  };
}
