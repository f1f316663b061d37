import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canReadSignedReport } from "@/lib/domain/reports/report-access";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { loadReportSubject } from "../reports/load-report-subject";

/**
 * The signed report of a request is on someone's screen. When it is the requester, the first
 * opening of each delivered version is recorded (time, event), and the request's first
 * opening too: the radiologist sees "opened", and the turnaround figures use it. Conditional
 * updates make a second opening (another tab, a reload) record nothing. Anyone else's
 * opening records nothing but the read itself, in the audit trail.
 */
export async function recordReportOpened(args: { db: Db; actor: Actor; requestId: string }): Promise<{ recorded: boolean }> {
  const { db, actor } = args;
  const result = await runUseCase(db, async (tx, effects) => {
    const request = await loadReportSubject(tx, actor, args.requestId);
    if (!canReadSignedReport(actor)) throw new AppError("FORBIDDEN", `${actor.role} does not read reports`);

    const opened = actor.id === request.requesterId ? await recordFirstOpenings(tx, actor, request.id) : [];
    if (opened.length === 0) {
      await writeAudit(tx, { actorId: actor.id, action: "REPORT_READ", entityType: "ReadingRequest", entityId: request.id, siteId: request.siteId });
      return { recorded: false };
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "REPORT_OPENED",
      entityType: "ReadingRequest",
      entityId: request.id,
      siteId: request.siteId,
      detail: { versions: opened.map((version) => version.id), sequences: opened.map((version) => version.sequence) },
    });
    effects.requestChanged(args.requestId, request.siteId);
    return { recorded: true };
  });
  return { recorded: result.recorded };
}

/** Marks the requester's unopened deliveries as opened now; returns the versions it marked. */
async function recordFirstOpenings(tx: Tx, actor: Actor, requestId: string): Promise<{ id: string; sequence: number }[]> {
  const unopened = await tx.reportDelivery.findMany({
    where: { requestId, recipientId: actor.id, firstOpenedAt: null },
    select: { id: true, reportVersion: { select: { id: true, sequence: true } } },
    orderBy: { deliveredAt: "asc" },
  });
  const now = new Date();
  const opened: { id: string; sequence: number }[] = [];
  for (const delivery of unopened) {
    // Conditional: a concurrent opening (a second tab) marks it once, and writes one event.
    const { count } = await tx.reportDelivery.updateMany({ where: { id: delivery.id, firstOpenedAt: null }, data: { firstOpenedAt: now } });
    if (count === 0) continue;
    await tx.requestEvent.create({
      data: { requestId, actorId: actor.id, type: "REPORT_OPENED", reason: `v${delivery.reportVersion.sequence}`, at: now },
    });
    opened.push(delivery.reportVersion);
  }
  if (opened.length > 0) {
    await tx.readingRequest.updateMany({ where: { id: requestId, reportFirstOpenedAt: null }, data: { reportFirstOpenedAt: now, version: { increment: 1 } } });
  }
  return opened;
}
