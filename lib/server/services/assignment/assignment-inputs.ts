import "server-only";
import type { AssignmentCandidate } from "@/lib/domain/assignment/eligibility";
import { PRIORITY_WEIGHT, type LoadInfo } from "@/lib/domain/assignment/selection";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import type { Tx } from "../../db/client";
import { findOnCall, toCandidate } from "./find-on-call";

/**
 * Serialises the automatic choices for one site until the transaction ends, so that two
 * assignments made in the same instant see each other's load. Claims do not take it: their
 * exclusivity comes from the conditional UPDATE, this lock only keeps the balance fair.
 */
export async function lockSiteAssignments(tx: Tx, siteId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assignment:${siteId}`}, 0))`;
}

/** Who is on call for the site at `at`, and the weighted load of each of them. */
export async function loadAssignmentInputs(
  tx: Tx,
  siteId: string,
  at: Date,
): Promise<{ candidates: AssignmentCandidate[]; loads: Map<string, LoadInfo> }> {
  const candidates = (await findOnCall({ db: tx, siteId, at })).map(toCandidate);
  const ids = [...new Set(candidates.map((c) => c.id))];
  if (ids.length === 0) return { candidates, loads: new Map() };

  const [held, last] = await Promise.all([
    tx.readingRequest.groupBy({
      by: ["holderId", "priority"],
      where: { holderId: { in: ids }, status: { in: [...OPEN_STATUSES] } },
      _count: { _all: true },
    }),
    tx.readingRequest.groupBy({ by: ["holderId"], where: { holderId: { in: ids } }, _max: { claimedAt: true } }),
  ]);
  const loads = new Map<string, LoadInfo>(ids.map((id) => [id, { load: 0, lastAssignedAt: null }]));
  for (const row of held) {
    const info = row.holderId ? loads.get(row.holderId) : undefined;
    if (info) info.load += PRIORITY_WEIGHT[row.priority] * row._count._all;
  }
  for (const row of last) {
    const info = row.holderId ? loads.get(row.holderId) : undefined;
    if (info) info.lastAssignedAt = row._max.claimedAt;
  }
  return { candidates, loads };
}

/** Seconds a request of this priority may wait unacknowledged (PriorityTarget, else the default). */
export async function escalateAfterSeconds(tx: Tx, priority: keyof typeof DEFAULT_ESCALATE_AFTER_S): Promise<number> {
  const target = await tx.priorityTarget.findUnique({ where: { priority }, select: { escalateAfterS: true } });
  return target?.escalateAfterS ?? DEFAULT_ESCALATE_AFTER_S[priority];
}

/** The migration's defaults, used when a target row is missing. */
const DEFAULT_ESCALATE_AFTER_S = { VITAL: 600, URGENT: 1800, ROUTINE: 43_200 } as const;
