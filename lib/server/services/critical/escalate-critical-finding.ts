import "server-only";
import { criticalEscalationRecipients, escalatedReason, escalationSkip, type EscalationSkip } from "@/lib/domain/reports/critical-findings";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "../notifications/notify";

export type CriticalEscalationOutcome =
  | { kind: "ESCALATED"; findingId: string; requestId: string; notified: string[] }
  | { kind: "SKIPPED"; findingId: string; reason: EscalationSkip | "NOT_FOUND" };

/** The actor label of the events written by no person. */
export const SYSTEM_ACTOR_LABEL = "Système";

/**
 * The "critical.escalation" job's use case: a vital finding's acknowledgement delay has passed.
 * If nobody has acknowledged it, raise it to the site's physicians and the department heads.
 *
 * Audience (decided here, no physician rota exists): every active referring physician of the
 * request's site — the site's emergency physicians, one of whom is on duty — and every active
 * department head. The requester is among the former and hears of it again.
 *
 * Re-entrant: the UPDATE is conditional on "not escalated, not acknowledged", so a retried or
 * concurrent run escalates and notifies once, and an acknowledgement committed meanwhile wins.
 * `now` is the job runner's clock, never the wall clock: tests move it.
 */
export async function escalateCriticalFinding(args: { db: Db; findingId: string; now: Date }): Promise<CriticalEscalationOutcome> {
  const { db, findingId, now } = args;

  return runUseCase(db, async (tx, effects): Promise<CriticalEscalationOutcome> => {
    const finding = await tx.criticalFinding.findUnique({
      where: { id: findingId },
      select: { id: true, category: true, flaggedAt: true, acknowledgeBy: true, acknowledgedAt: true, escalatedAt: true, request: { select: { id: true, siteId: true } } },
    });
    if (!finding) return skipped("NOT_FOUND");
    const skip = escalationSkip(finding, now);
    if (skip) return skipped(skip);

    const { count } = await tx.criticalFinding.updateMany({
      where: { id: finding.id, escalatedAt: null, acknowledgedAt: null },
      data: { escalatedAt: now },
    });
    if (count === 0) return skipped("ALREADY_ESCALATED");

    const { request } = finding;
    // The delay the finding was flagged with, not the site's current setting.
    const ackMinutes = Math.round(((finding.acknowledgeBy?.getTime() ?? now.getTime()) - finding.flaggedAt.getTime()) / 60_000);
    await tx.requestEvent.create({
      data: { requestId: request.id, actorId: null, actorLabel: SYSTEM_ACTOR_LABEL, type: "CRITICAL_FINDING_ESCALATED", reason: escalatedReason({ ackMinutes }), at: now },
    });
    await writeAudit(tx, {
      actorId: null,
      action: "CRITICAL_FINDING_ESCALATED",
      entityType: "CriticalFinding",
      entityId: finding.id,
      siteId: request.siteId,
      detail: { requestId: request.id, acknowledgeBy: finding.acknowledgeBy?.toISOString() ?? null },
    });

    const [referrers, heads] = await Promise.all([
      tx.user.findMany({ where: { role: "REFERRER", siteId: request.siteId, active: true }, select: { id: true } }),
      tx.user.findMany({ where: { role: "DEPARTMENT_HEAD", active: true }, select: { id: true } }),
    ]);
    const notified = criticalEscalationRecipients({ siteReferrerIds: referrers.map((u) => u.id), headIds: heads.map((u) => u.id) });
    effects.requestChanged(request.id, request.siteId);
    await notifyInTx(
      tx,
      effects,
      notified.map((userId) => ({ userId, kind: "CRITICAL_FINDING_ESCALATED" as const, requestId: request.id, detail: { findingId: finding.id, category: finding.category } })),
      // Vital: it rings, whatever notify.ts's list of vital kinds says.
      { ring: true },
    );
    return { kind: "ESCALATED", findingId, requestId: request.id, notified };
  });

  function skipped(reason: EscalationSkip | "NOT_FOUND"): CriticalEscalationOutcome {
    return { kind: "SKIPPED", findingId, reason };
  }
}
