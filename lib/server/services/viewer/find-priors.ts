import "server-only";
import type { Actor } from "@/lib/domain/access";
import { grantsPriors, priorThroughHeldRequest, type HeldRequestForPriors } from "@/lib/domain/prior-access";
import type { ViewerPrior } from "@/lib/domain/viewer-opening";
import type { Db } from "../../db/client";
import { requestIdentitySelect, samePatientCandidatesWhere, toPatientIdentity, type RequestIdentityRow } from "../patients/patient-identity";
import { toViewerStudy, viewerStudySelect } from "./viewer-study-select";

type HeldRequestRow = RequestIdentityRow & Omit<HeldRequestForPriors, "patient">;

/**
 * The same patient's earlier studies linked to other requests, anywhere in the territory (a
 * patient seen at one hospital last year and at another tonight), newest first. Only for the
 * radiologist holding the current request while it is being worked on, and only what came
 * before it: lib/domain/prior-access.ts decides, the queries only narrow the candidates (indexed
 * birth date and INS). Unconfirmed links are not the patient's yet.
 */
export async function findPriors(db: Db, actor: Actor, current: HeldRequestRow): Promise<ViewerPrior[]> {
  if (!grantsPriors(actor, current)) return [];
  const candidates = await db.readingRequest.findMany({
    where: { AND: [{ id: { not: current.id }, submittedAt: { lt: current.submittedAt } }, samePatientCandidatesWhere(current)] },
    select: { id: true, submittedAt: true, ...requestIdentitySelect, site: { select: { name: true } } },
  });
  const held = { ...current, patient: toPatientIdentity(current) };
  const asCandidate = (request: (typeof candidates)[number], studyDate: string | null) => ({ requestId: request.id, submittedAt: request.submittedAt, patient: toPatientIdentity(request), studyDate });
  // Other patients' studies are not even loaded: the request-level rule first, the study date per study below.
  const byId = new Map(candidates.filter((c) => priorThroughHeldRequest(actor, held, asCandidate(c, null)) !== null).map((c) => [c.id, c]));
  if (byId.size === 0) return [];
  const studies = await db.dicomStudy.findMany({
    where: { requestId: { in: [...byId.keys()] }, linkState: "LINKED" },
    // A study without a date (rare, but DICOM allows it) goes last, by when it arrived.
    orderBy: [{ studyDate: { sort: "desc", nulls: "last" } }, { receivedAt: "desc" }],
    select: { ...viewerStudySelect, requestId: true },
  });
  return studies.flatMap((study) => {
    const request = study.requestId ? byId.get(study.requestId) : undefined;
    if (!request) return [];
    const match = priorThroughHeldRequest(actor, held, asCandidate(request, study.studyDate));
    return match ? [{ ...toViewerStudy(study), requestId: request.id, siteName: request.site.name, match }] : [];
  });
}
