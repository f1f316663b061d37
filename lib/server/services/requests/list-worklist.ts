import "server-only";
import { hasWorklist, requestScope, type Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import type { WorklistFilter } from "@/lib/domain/worklist-filter-schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { worklistShowsCriticalFindings } from "@/lib/domain/worklist/worklist-marks";
import { visibleRequestsWhere } from "./request-scope";
import { sharedWorklistRows } from "./shared-worklist-rows";
import { toWorklistListRow, worklistListRowSelect, type WorklistListRow } from "./worklist-list-row";

/** Upper bound of rows in one worklist answer: a worklist is a screen, not an export. */
export const WORKLIST_LIMIT = 500;

/**
 * The actor's worklist: visible requests, most urgent first, then the longest waiting. Each row
 * says whether it escalated and waits, and (for those who read reports) its unacknowledged
 * critical findings.
 */
export async function listWorklist(args: { db: Db; actor: Actor; filter: WorklistFilter }): Promise<WorklistListRow[]> {
  const shared = sharedWorklistOf({ ...args, seenVersion: 0 });
  const rows = await shared.rows;
  auditWorklistRead(args.db, args.actor, rows);
  return rows;
}

/** The same worklist as the tRPC query's, already serialized as tRPC's transformer writes it. */
export interface SerializedWorklist {
  /** The change number the rows include every change up to. */
  version: number;
  /** superjson of the rows, UTF-8: the same bytes for every client of the scope. */
  rows: Uint8Array;
}

/**
 * listWorklist for the live worklist's socket (lib/server/realtime/worklist-socket.ts): the
 * same scope, rows and read audit, but never computed before a change the client was told
 * about (`seenVersion`), and serialized once per scope and version rather than per client.
 */
export async function listWorklistSerialized(args: { db: Db; actor: Actor; filter: WorklistFilter; seenVersion: number }): Promise<SerializedWorklist> {
  const shared = sharedWorklistOf(args);
  const [rows, serialized] = await Promise.all([shared.rows, shared.serialized()]);
  auditWorklistRead(args.db, args.actor, rows);
  return { version: shared.version, rows: serialized };
}

function sharedWorklistOf(args: { db: Db; actor: Actor; filter: WorklistFilter; seenVersion: number }) {
  const { db, actor, filter, seenVersion } = args;
  if (!hasWorklist(actor)) throw new AppError("FORBIDDEN", "No worklist for this role");
  const showCritical = worklistShowsCriticalFindings(actor);
  return sharedWorklistRows(scopeKey(actor, filter, showCritical), seenVersion, async () => {
    const records = await db.readingRequest.findMany({
      where: worklistWhere(actor, filter, showCritical),
      select: worklistListRowSelect,
      // The database enum is declared VITAL, URGENT, ROUTINE: ORDER BY priority is by urgency.
      orderBy: [{ priority: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
      take: WORKLIST_LIMIT,
    });
    return records.map((record) => toWorklistListRow(record, showCritical));
  });
}

/** Throws (503) instead of recording when earlier reads could not be: call before handing rows out. */
function auditWorklistRead(db: Db, actor: Actor, rows: readonly WorklistListRow[]): void {
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "WORKLIST_READ",
    entityType: "Worklist",
    detail: { count: rows.length, requestIds: rows.map((r) => r.id) },
  });
}

function worklistWhere(actor: Actor, filter: WorklistFilter, showCritical: boolean): Prisma.ReadingRequestWhereInput {
  return {
    AND: [
      visibleRequestsWhere(actor),
      filter.statuses.length > 0 ? { status: { in: filter.statuses } } : defaultStatusesWhere(showCritical),
      filter.siteIds.length > 0 ? { siteId: { in: filter.siteIds } } : {},
      filter.priorities.length > 0 ? { priority: { in: filter.priorities } } : {},
      filter.types.length > 0 ? { type: { in: filter.types } } : {},
    ],
  };
}

/**
 * Without a status filter: the open requests, and, for those who see critical findings, any
 * request whose finding nobody has acknowledged yet (signing usually closes the request while
 * the loop is still open: it must not drop off the list until acknowledged).
 */
function defaultStatusesWhere(showCritical: boolean): Prisma.ReadingRequestWhereInput {
  const open: Prisma.ReadingRequestWhereInput = { status: { in: [...OPEN_STATUSES] } };
  return showCritical ? { OR: [open, { findings: { some: { acknowledgedAt: null } } }] } : open;
}

/** Everything the query depends on: the actor's scope, whether it sees findings, and the filters, order-independent. */
function scopeKey(actor: Actor, filter: WorklistFilter, showCritical: boolean): string {
  const scope = requestScope(actor);
  const sorted = (values: readonly string[]) => [...values].sort().join(",");
  return [
    scope.kind === "all" ? "*" : sorted(scope.siteIds),
    showCritical ? "critical" : "",
    sorted(filter.statuses),
    sorted(filter.siteIds),
    sorted(filter.priorities),
    sorted(filter.types),
  ].join("|");
}
