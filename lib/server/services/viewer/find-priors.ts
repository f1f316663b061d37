import "server-only";
import { matchPrior } from "@/lib/domain/prior-match";
import type { ViewerPrior } from "@/lib/domain/viewer-opening";
import type { Db } from "../../db/client";
import { requestIdentitySelect, samePatientCandidatesWhere, toPatientIdentity, type RequestIdentityRow } from "./patient-identity";
import { toViewerStudy, viewerStudySelect } from "./viewer-study-select";

/**
 * The same patient's studies linked to other requests, anywhere in the territory (a patient
 * seen at one hospital last year and at another tonight), newest first. Only for the
 * radiologist holding the current request: the caller checks that. Candidates come from the
 * indexed birth date and INS, the pure rule decides; unconfirmed links are not the patient's yet.
 */
export async function findPriors(db: Db, current: RequestIdentityRow & { id: string }): Promise<ViewerPrior[]> {
  const candidates = await db.readingRequest.findMany({
    where: { AND: [{ id: { not: current.id } }, samePatientCandidatesWhere(current)] },
    select: { id: true, ...requestIdentitySelect, site: { select: { name: true } } },
  });
  const patient = toPatientIdentity(current);
  const matched = new Map<string, { siteName: string; match: ViewerPrior["match"] }>();
  for (const candidate of candidates) {
    const match = matchPrior(patient, toPatientIdentity(candidate));
    if (match) matched.set(candidate.id, { siteName: candidate.site.name, match });
  }
  if (matched.size === 0) return [];
  const studies = await db.dicomStudy.findMany({
    where: { requestId: { in: [...matched.keys()] }, linkState: "LINKED" },
    // A study without a date (rare, but DICOM allows it) goes last, by when it arrived.
    orderBy: [{ studyDate: { sort: "desc", nulls: "last" } }, { receivedAt: "desc" }],
    select: { ...viewerStudySelect, requestId: true },
  });
  return studies.flatMap((study) => {
    const prior = study.requestId ? matched.get(study.requestId) : undefined;
    return prior && study.requestId ? [{ ...toViewerStudy(study), requestId: study.requestId, siteName: prior.siteName, match: prior.match }] : [];
  });
}
