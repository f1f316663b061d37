import "server-only";
import { isSiteStaffOf, type Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { recordImageMilestone } from "./request-image-milestone";

/** The radiographer (or referrer) says the acquisition is complete: the request moves on. */
export async function markStudyComplete(args: { db: Db; actor: Actor; studyId: string }): Promise<void> {
  const { db, actor } = args;
  await runUseCase(db, async (tx, effects) => {
    const study = await tx.dicomStudy.findUnique({ where: { id: args.studyId }, select: { id: true, siteId: true, imagesCompleteAt: true } });
    if (!study || !isSiteStaffOf(actor, study.siteId)) throw new AppError("NOT_FOUND", "Study not found");
    const { requestId } = await completeInTx(tx, study.id, { actorId: actor.id, actorLabel: null }, null);
    await writeAudit(tx, { actorId: actor.id, action: "IMAGES_MARKED_COMPLETE", entityType: "DicomStudy", entityId: study.id, siteId: study.siteId });
    if (requestId) effects.requestChanged(requestId, study.siteId);
    effects.studyChanged(study.siteId);
  });
}

/**
 * Studies whose last instance is older than quietSeconds are complete. Run periodically by
 * the server; returns how many were completed. Every quiet study is completed in one sweep,
 * oldest first, in batches: a backlog (a night of sites sending) never leaves some behind for
 * another round.
 */
export async function completeQuietStudies(args: { db: Db; quietSeconds: number; now?: Date }): Promise<number> {
  const { db } = args;
  const cutoff = new Date((args.now ?? new Date()).getTime() - args.quietSeconds * 1000);
  let completed = 0;
  for (;;) {
    const quiet = await db.dicomStudy.findMany({
      where: { imagesCompleteAt: null, lastInstanceAt: { lt: cutoff } },
      orderBy: { lastInstanceAt: "asc" },
      select: { id: true, siteId: true },
      take: QUIET_BATCH,
    });
    for (const study of quiet) {
      const didComplete = await runUseCase(db, async (tx, effects) => {
        const done = await completeInTx(tx, study.id, { actorId: null, actorLabel: null }, `no new image for ${args.quietSeconds} s`, cutoff);
        // Another instance's sweeper (or the radiographer) completed it first: nothing happened here.
        if (!done.completed) return false;
        await writeAudit(tx, { actorId: null, action: "IMAGES_COMPLETED_AUTOMATICALLY", entityType: "DicomStudy", entityId: study.id, siteId: study.siteId });
        if (done.requestId) effects.requestChanged(done.requestId, study.siteId);
        effects.studyChanged(study.siteId);
        return true;
      });
      if (didComplete) completed++;
    }
    if (quiet.length < QUIET_BATCH) return completed;
  }
}

const QUIET_BATCH = 100;

/**
 * Sets the study complete (once) and moves its linked request on. Says whether this call
 * completed it, and the request touched, if any.
 */
async function completeInTx(tx: Tx, studyId: string, by: { actorId: string | null; actorLabel: string | null }, reason: string | null, quietBefore?: Date): Promise<{ completed: boolean; requestId: string | null }> {
  // Conditional update: concurrent completions (the sweepers of several instances, a
  // radiographer) complete once; the others wait for its row lock, then find it complete.
  const { count } = await tx.dicomStudy.updateMany({
    where: { id: studyId, imagesCompleteAt: null, ...(quietBefore ? { lastInstanceAt: { lt: quietBefore } } : {}) },
    data: { imagesCompleteAt: new Date() },
  });
  if (count === 0) {
    if (quietBefore) return { completed: false, requestId: null };
    throw new AppError("INVALID_TRANSITION", "The images of this study are already complete", { action: "COMPLETE_IMAGES", from: "IMAGES_COMPLETE" });
  }
  const study = await tx.dicomStudy.findUniqueOrThrow({ where: { id: studyId }, select: { requestId: true, linkState: true } });
  if (!study.requestId || study.linkState !== "LINKED") return { completed: true, requestId: null };
  await recordImageMilestone(tx, study.requestId, "complete", by, reason);
  return { completed: true, requestId: study.requestId };
}
