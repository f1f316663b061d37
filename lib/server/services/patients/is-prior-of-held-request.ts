import "server-only";
import type { Actor } from "@/lib/domain/access";
import { priorThroughHeldRequest } from "@/lib/domain/prior-access";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";
import { requestIdentitySelect, samePatientCandidatesWhere, toPatientIdentity, type RequestIdentityRow } from "./patient-identity";

/**
 * Is this study (linked to `request`) a prior of a request the radiologist holds and still
 * reads? Then they view it, wherever in the territory it was made. Asked from the other side
 * than findPriors (the held requests of one radiologist are few per birth date); the query only
 * narrows the candidates, lib/domain/prior-access.ts decides, so the viewer's list and
 * DICOMweb agree.
 */
export async function isPriorOfHeldRequest(
  db: Db,
  actor: Actor,
  prior: { request: RequestIdentityRow & { id: string; submittedAt: Date }; studyDate: string | null },
): Promise<boolean> {
  if (actor.role !== "RADIOLOGIST") return false;
  const { request } = prior;
  const held = await db.readingRequest.findMany({
    where: {
      AND: [
        // Open requests submitted after the prior's: signed or cancelled ones open no priors, and a later study is never one.
        { holderId: actor.id, id: { not: request.id }, status: { in: [...OPEN_STATUSES] }, submittedAt: { gt: request.submittedAt } },
        visibleRequestsWhere(actor),
        samePatientCandidatesWhere(request),
      ],
    },
    select: { id: true, holderId: true, status: true, submittedAt: true, ...requestIdentitySelect },
  });
  const candidate = { requestId: request.id, submittedAt: request.submittedAt, patient: toPatientIdentity(request), studyDate: prior.studyDate };
  return held.some((row) => priorThroughHeldRequest(actor, { ...row, patient: toPatientIdentity(row) }, candidate) !== null);
}
