import "server-only";
import { escalationAudience, escalationSentence, escalationSkip, nextEscalationLevel, type EscalationSkip } from "@/lib/domain/assignment/escalation-ladder";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import { reasonDetailJson } from "./reason-detail-json";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "../notifications/notify";
import { escalateAfterSeconds } from "./assignment-inputs";
import { findOnCall } from "./find-on-call";

export type EscalateOutcome =
  | { kind: "ESCALATED"; requestId: string; level: number; notified: string[]; nextCheckAt: Date | null }
  | { kind: "SKIPPED"; requestId: string; reason: EscalationSkip | "NOT_FOUND" };

/**
 * The "escalation.check" job's use case: the request's priority target passed; if it is still
 * not taken (in the pool, or assigned but unacknowledged), raise it to `level` and tell the
 * ladder's audience (lib/domain/assignment/escalation-ladder.ts), then schedule the next level
 * after the same target. Re-entrant: the UPDATE is conditional on escalationLevel < level, so
 * running the job twice, or after a restart, escalates and notifies once.
 */
export async function escalateRequest(args: { db: Db; requestId: string; level: number; now?: Date }): Promise<EscalateOutcome> {
  const { db, requestId, level } = args;
  const now = args.now ?? new Date();

  return runUseCase(db, async (tx, effects): Promise<EscalateOutcome> => {
    const request = await tx.readingRequest.findUnique({
      where: { id: requestId },
      select: { id: true, siteId: true, priority: true, status: true, holderId: true, holdAcknowledgedAt: true, escalationLevel: true },
    });
    if (!request) return skipped("NOT_FOUND");
    const skip = escalationSkip(request, level);
    if (skip) return skipped(skip);

    const { count } = await tx.readingRequest.updateMany({
      where: {
        id: request.id,
        escalationLevel: { lt: level },
        status: { in: [...OPEN_STATUSES] },
        OR: [{ holderId: null }, { holdAcknowledgedAt: null }],
      },
      data: { escalationLevel: level, escalatedAt: now, version: { increment: 1 } },
    });
    if (count === 0) return skipped("ALREADY_ESCALATED");

    await tx.requestEvent.create({ data: { requestId: request.id, actorId: null, actorLabel: null, type: "ESCALATED", reason: escalationSentence(level, "fr"), reasonDetail: reasonDetailJson({ kind: "ESCALATION", level }), at: now } });
    await writeAudit(tx, { actorId: null, action: "REQUEST_ESCALATED", entityType: "ReadingRequest", entityId: request.id, siteId: request.siteId, detail: { level } });

    const notified = await audienceOf(tx, request.siteId, level, now);
    effects.requestChanged(requestId, request.siteId);
    await notifyInTx(tx, effects, notified.map((userId) => ({ userId, kind: "ESCALATED", requestId: request.id, detail: { level } })));

    const next = nextEscalationLevel(level);
    let nextCheckAt: Date | null = null;
    if (next !== null) {
      nextCheckAt = new Date(now.getTime() + (await escalateAfterSeconds(tx, request.priority)) * 1000);
      await enqueueJob(tx, { kind: "escalation.check", payload: { requestId: request.id, level: next }, runAt: nextCheckAt, dedupeKey: `escalation.check:${request.id}:${next}` });
    }
    return { kind: "ESCALATED", requestId, level, notified, nextCheckAt };
  });

  function skipped(reason: EscalationSkip | "NOT_FOUND"): EscalateOutcome {
    return { kind: "SKIPPED", requestId, reason };
  }
}

/** Level 1: the backups on call for the site; level 2: everyone reading for it; heads always. */
async function audienceOf(tx: Tx, siteId: string, level: number, at: Date): Promise<string[]> {
  const audience = escalationAudience(level);
  const ids = new Set<string>();
  if (audience.backupsOnCall) {
    for (const entry of await findOnCall({ db: tx, siteId, at })) if (entry.role === "BACKUP" && entry.hasPrivilege) ids.add(entry.radiologistId);
  }
  if (audience.allSiteReaders) {
    const readers = await tx.user.findMany({
      where: { role: "RADIOLOGIST", active: true, privileges: { some: { siteId, OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] } } },
      select: { id: true },
    });
    for (const reader of readers) ids.add(reader.id);
  }
  const heads = await tx.user.findMany({ where: { role: "DEPARTMENT_HEAD", active: true }, select: { id: true } });
  for (const head of heads) ids.add(head.id);
  return [...ids];
}
