import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DrillDown } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DrillDownPage, DrillRow } from "@/lib/domain/dashboard/dashboard-view";
import { selectDrillRows } from "@/lib/domain/dashboard/drill-select";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { assertDashboardAccess, isPerRadiologist } from "./assert-dashboard-access";
import { loadTurnaroundTargets } from "./load-turnaround-targets";
import { turnaroundIndexFor } from "./turnaround-index";

/**
 * The requests behind a figure, most recent first, a page at a time. No patient identity: the
 * head opens a request (audited there) to see who it is about.
 */
export async function drillDown(args: { db: Db; actor: Actor; input: DrillDown; now: Date }): Promise<DrillDownPage> {
  const { db, actor, input } = args;
  const asked = { filter: input.filter, dimensions: [input.group?.dimension ?? null] };
  assertDashboardAccess(actor, asked);
  const [columns, targets] = await Promise.all([turnaroundIndexFor(db).catchUp(db), loadTurnaroundTargets(db)]);
  const { total, hits } = selectDrillRows(columns, input, targets, Math.floor(args.now.getTime() / 1000));
  const rows = await db.requestMilestones.findMany({
    where: { ordinal: { in: hits.map((hit) => BigInt(hit.ordinal)) } },
    select: {
      ordinal: true,
      radiologistId: true,
      request: { select: { id: true, accessionNumber: true, status: true, type: true, priority: true, modality: true, submittedAt: true, site: { select: { code: true } } } },
    },
  });
  const names = await radiologistNames(db, rows.map((row) => row.radiologistId));
  const byOrdinal = new Map(rows.map((row) => [Number(row.ordinal), row]));
  const page: DrillRow[] = hits.flatMap((hit) => {
    const row = byOrdinal.get(hit.ordinal);
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
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "DASHBOARD_DRILLED_DOWN",
    entityType: "Dashboard",
    entityId: "turnaround",
    detail: { perRadiologist: isPerRadiologist(asked), total, requestIds: page.map((row) => row.requestId), input: JSON.parse(JSON.stringify(input)) as object },
  });
  return { total, rows: page };
}

async function radiologistNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, displayName: true } });
  return new Map(users.map((user) => [user.id, user.displayName]));
}
