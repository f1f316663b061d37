import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DrillDown } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DrillDownPage, DrillRow } from "@/lib/domain/dashboard/dashboard-view";
import { selectDrillRows, type DrillHit } from "@/lib/domain/dashboard/drill-select";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { assertDashboardAccess, isPerRadiologist } from "./assert-dashboard-access";
import { loadTurnaroundTargets } from "./load-turnaround-targets";
import { turnaroundIndexFor } from "./turnaround-index";

/** The most rows an export of a drill-down holds (the file says when it was cut). */
export const DRILL_EXPORT_LIMIT = 20_000;
const LOAD_CHUNK = 1000;

/**
 * The requests behind a figure, most recent first, a page at a time (or, for an export, up to
 * DRILL_EXPORT_LIMIT at once). No patient identity: the head opens a request (audited there) to
 * see who it is about. Each drill-down is audited with the requests it listed.
 */
export async function drillDown(args: { db: Db; actor: Actor; input: DrillDown; now: Date }): Promise<DrillDownPage> {
  return drillDownRange({ ...args, page: { offset: args.input.offset, limit: args.input.limit } });
}

export async function drillDownForExport(args: { db: Db; actor: Actor; input: Omit<DrillDown, "offset" | "limit">; now: Date }): Promise<DrillDownPage> {
  return drillDownRange({ ...args, page: { offset: 0, limit: DRILL_EXPORT_LIMIT } });
}

async function drillDownRange(args: { db: Db; actor: Actor; input: Omit<DrillDown, "offset" | "limit">; now: Date; page: { offset: number; limit: number } }): Promise<DrillDownPage> {
  const { db, actor, input } = args;
  const asked = { filter: input.filter, dimensions: [input.group?.dimension ?? null] };
  assertDashboardAccess(actor, asked);
  const [columns, targets] = await Promise.all([turnaroundIndexFor(db).catchUp(db), loadTurnaroundTargets(db)]);
  const { total, hits } = selectDrillRows(columns, input, targets, Math.floor(args.now.getTime() / 1000), args.page);
  const rows = await loadDrillRows(db, hits);
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "DASHBOARD_DRILLED_DOWN",
    entityType: "Dashboard",
    entityId: "turnaround",
    detail: { perRadiologist: isPerRadiologist(asked), total, listed: rows.length, requestIds: rows.slice(0, 200).map((row) => row.requestId), input: JSON.parse(JSON.stringify(input)) as object },
  });
  return { total, rows };
}

async function loadDrillRows(db: Db, hits: readonly DrillHit[]): Promise<DrillRow[]> {
  const loaded = new Map<number, Awaited<ReturnType<typeof loadChunk>>[number]>();
  for (let start = 0; start < hits.length; start += LOAD_CHUNK) {
    for (const row of await loadChunk(db, hits.slice(start, start + LOAD_CHUNK))) loaded.set(Number(row.ordinal), row);
  }
  const names = await radiologistNames(db, [...loaded.values()].map((row) => row.radiologistId));
  return hits.flatMap((hit) => {
    const row = loaded.get(hit.ordinal);
    if (!row) return [];
    const request = row.request;
    return [
      {
        requestId: request.id,
        accessionNumber: request.accessionNumber,
        siteCode: request.site.code,
        type: request.type,
        priority: request.priority,
        modality: request.modality,
        status: request.status,
        submittedAt: request.submittedAt.toISOString(),
        durationS: hit.durationS,
        open: hit.open,
        targetS: hit.targetS,
        within: hit.within,
        radiologistName: row.radiologistId ? (names.get(row.radiologistId) ?? null) : null,
      },
    ];
  });
}

function loadChunk(db: Db, hits: readonly DrillHit[]) {
  return db.requestMilestones.findMany({
    where: { ordinal: { in: hits.map((hit) => BigInt(hit.ordinal)) } },
    select: {
      ordinal: true,
      radiologistId: true,
      request: { select: { id: true, accessionNumber: true, status: true, type: true, priority: true, modality: true, submittedAt: true, site: { select: { code: true } } } },
    },
  });
}

async function radiologistNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, displayName: true } });
  return new Map(users.map((user) => [user.id, user.displayName]));
}
