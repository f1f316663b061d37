import "server-only";
import { isSiteStaffOf, type Actor } from "@/lib/domain/access";
import { canViewRequestImages, canViewUnlinkedStudy } from "@/lib/domain/image-access";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../../services/requests/request-scope";
import { studySummarySelect, toStudySummary, type StudySummary, type StudySummaryRow } from "./study-summary";
import { visibleStudiesWhere } from "./study-scope";

export type { StudySummary } from "./study-summary";

export interface RequestImages {
  accessionNumber: string;
  siteAccessionNumber: string | null;
  studies: StudySummary[];
  /** The site's staff may search the site's unlinked studies and link one here (search-unlinked-studies.ts). */
  canManage: boolean;
  /** The actor may open this request's images (the viewer); seeing the request is not enough. */
  canView: boolean;
}

/** The images of a request, as its page shows them. Other patients' studies are never listed here: the site's staff search for them. */
export async function listRequestImages(args: { db: Db; actor: Actor; requestId: string }): Promise<RequestImages> {
  const { db, actor, requestId } = args;
  const request = await db.readingRequest.findFirst({
    where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
    select: { id: true, siteId: true, holderId: true, status: true, accessionNumber: true, siteAccessionNumber: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");
  const canView = canViewRequestImages(actor, request);
  // A link still waiting for its identity confirmation is not this request's images yet.
  const viewable = (study: StudySummaryRow) => (study.linkState === "LINKED" ? canView : canViewUnlinkedStudy(actor, request));
  const studies = await db.dicomStudy.findMany({
    where: { AND: [{ requestId: request.id }, visibleStudiesWhere(actor)] },
    orderBy: { receivedAt: "asc" },
    select: studySummarySelect,
  });
  // The studies' summaries carry the patients' identities as the images name them: a read.
  await writeAudit(db, {
    actorId: actor.id,
    action: "REQUEST_IMAGES_LISTED",
    entityType: "ReadingRequest",
    entityId: request.id,
    siteId: request.siteId,
    detail: { studies: studies.length },
  });
  return {
    accessionNumber: request.accessionNumber,
    siteAccessionNumber: request.siteAccessionNumber,
    studies: studies.map((study) => toStudySummary(study, viewable(study))),
    canManage: isSiteStaffOf(actor, request.siteId),
    canView,
  };
}
