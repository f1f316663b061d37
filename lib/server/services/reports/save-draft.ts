import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { SaveDraftInput } from "@/lib/domain/reports/report-schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { draftConflict, loadVersionOfRequest } from "./load-draft";
import { assertHolder, loadReportSubject } from "./load-report-subject";

/**
 * Autosave. Optimistic concurrency: the save applies only to the draft version the editor
 * started from, so a second tab or a colleague who took the request over never overwrites
 * silently: the later save gets REPORT_CONFLICT and the editor offers to merge or reload.
 */
export async function saveDraft(args: { db: Db; actor: Actor; input: SaveDraftInput }) {
  const { db, actor, input } = args;
  return db.$transaction(async (tx) => {
    const request = await loadReportSubject(tx, actor, input.requestId);
    assertHolder(actor, request);
    const draft = await loadVersionOfRequest(tx, request.id, input.draftId);
    const now = new Date();
    const { count } = await tx.reportVersion.updateMany({
      where: { id: draft.id, draftVersion: input.draftVersion, signedAt: null },
      data: { values: input.values as Prisma.InputJsonValue, draftVersion: { increment: 1 }, updatedById: actor.id, updatedAt: now },
    });
    if (count === 0) throw await draftConflict(tx, draft.id);
    await writeAudit(tx, { actorId: actor.id, action: "REPORT_DRAFT_SAVED", entityType: "ReportVersion", entityId: draft.id, siteId: request.siteId, detail: { draftVersion: input.draftVersion + 1 } });
    return { draftId: draft.id, draftVersion: input.draftVersion + 1, updatedAt: now };
  });
}
