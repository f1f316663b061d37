import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { IMAGE_REFUSAL_MESSAGES, requestImageAccess } from "@/lib/domain/image-access";
import type { ViewerOpening } from "@/lib/domain/viewer-opening";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";
import { requestIdentitySelect, toPatientIdentity } from "../patients/patient-identity";
import { findPriors } from "./find-priors";
import { toViewerStudy, viewerStudySelect } from "./viewer-study-select";

/**
 * Opens a request's images in the viewer: its linked studies, and for the radiologist holding
 * it, while it is being read, the same patient's earlier studies (priors). A request outside
 * the actor's scope is not found; one they see but may not view (not holding it, report not
 * signed yet...) is FORBIDDEN with the reason, so the page explains instead of showing an empty
 * viewer. Each opened study is audited.
 */
export async function openViewer(args: { db: Db; actor: Actor; requestId: string }): Promise<ViewerOpening> {
  const { db, actor, requestId } = args;
  const request = await db.readingRequest.findFirst({
    where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
    select: {
      id: true,
      siteId: true,
      holderId: true,
      status: true,
      submittedAt: true,
      accessionNumber: true,
      sitePatientId: true,
      ...requestIdentitySelect,
      holder: { select: { displayName: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");
  const access = requestImageAccess(actor, request);
  if (!access.allowed) {
    const heldBy = access.reason === "NOT_HOLDER" && request.holder ? `; it is held by ${request.holder.displayName}` : "";
    throw new AppError("FORBIDDEN", `${IMAGE_REFUSAL_MESSAGES[access.reason]}${heldBy}`, { reason: access.reason, holderName: request.holder?.displayName ?? null });
  }

  const studies = await db.dicomStudy.findMany({
    // A link waiting for an identity confirmation is not this patient's images yet.
    where: { requestId: request.id, linkState: "LINKED" },
    orderBy: { receivedAt: "asc" },
    select: { id: true, siteId: true, ...viewerStudySelect },
  });
  // Only the holder, while the request is being worked on, and only earlier studies: see find-priors.ts.
  const priors = await findPriors(db, actor, request);

  for (const study of studies) {
    bufferReadAudit(db, {
      actorId: actor.id,
      action: "VIEWER_OPENED",
      entityType: "DicomStudy",
      entityId: study.id,
      siteId: study.siteId,
      detail: { requestId: request.id, studyInstanceUid: study.studyInstanceUid },
    });
  }
  if (priors.length > 0) {
    // Listing priors reads other requests' patient data (often another site's): traced too.
    // Opening a prior's images is traced by DICOMweb (STUDY_READ) under that study's site.
    bufferReadAudit(db, {
      actorId: actor.id,
      action: "PRIORS_LISTED",
      entityType: "ReadingRequest",
      entityId: request.id,
      siteId: request.siteId,
      detail: { priors: priors.map((p) => ({ requestId: p.requestId, studyInstanceUid: p.studyInstanceUid, match: p.match })) },
    });
  }

  const patient = toPatientIdentity(request);
  return {
    requestId: request.id,
    accessionNumber: request.accessionNumber,
    patient: { ...patient, sitePatientId: request.sitePatientId },
    identityQualified: request.patientIns !== null,
    studies: studies.map(toViewerStudy),
    priors,
  };
}
