import "server-only";
import { isSiteStaffOf, type Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../../services/requests/request-scope";
import { runUseCase } from "../../use-cases/run-use-case";
import { linkStudyInTx, type LinkOutcome } from "./link-study-in-tx";

/**
 * The site's staff link a study to a request by hand (no accession number at the scanner),
 * or confirm a link whose DICOM identity differs from the request's, giving a reason.
 */
export async function linkStudy(args: { db: Db; actor: Actor; requestId: string; studyId: string; confirmation: string | null }): Promise<LinkOutcome> {
  const { db, actor } = args;
  return runUseCase(db, async (tx, effects) => {
    const request = await tx.readingRequest.findFirst({ where: { AND: [{ id: args.requestId }, visibleRequestsWhere(actor)] }, select: { id: true, siteId: true } });
    if (!request) throw new AppError("NOT_FOUND", "Request not found");
    if (!isSiteStaffOf(actor, request.siteId)) throw new AppError("FORBIDDEN", "Only the requesting site's staff link images");
    // Lock the study: two people linking it at once must not both succeed.
    const rows = await tx.$queryRaw<{ id: string; siteId: string; requestId: string | null; linkState: string | null }[]>`
      SELECT "id", "siteId", "requestId", "linkState" FROM "DicomStudy" WHERE "id" = ${args.studyId}::uuid FOR UPDATE`;
    const study = rows[0];
    if (!study || study.siteId !== request.siteId) throw new AppError("NOT_FOUND", "Study not found");
    const confirmingPending = study.requestId === request.id && study.linkState === "NEEDS_CONFIRMATION";
    if (study.requestId !== null && !confirmingPending) {
      throw new AppError("INVALID_TRANSITION", "This study is already linked to a request", { action: "LINK", from: study.linkState ?? "LINKED" });
    }
    const outcome = await linkStudyInTx(tx, {
      studyId: study.id,
      requestId: request.id,
      method: confirmingPending ? "ACCESSION" : "MANUAL",
      by: { actorId: actor.id, actorLabel: null },
      confirmation: args.confirmation,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: confirmingPending ? "STUDY_LINK_CONFIRMED" : "STUDY_LINKED",
      entityType: "DicomStudy",
      entityId: study.id,
      siteId: request.siteId,
      detail: { requestId: request.id, state: outcome.state, reason: args.confirmation },
    });
    effects.requestChanged(request.id, request.siteId);
    effects.studyChanged(request.siteId);
    return outcome;
  });
}
