import "server-only";
import type { Actor } from "@/lib/domain/access";
import { matchPrior } from "@/lib/domain/prior-match";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";
import { requestIdentitySelect, samePatientCandidatesWhere, toPatientIdentity, type RequestIdentityRow } from "./patient-identity";

/**
 * Is this request's patient the patient of a request the radiologist holds (and still reads
 * for)? Then its studies are priors they compare with, wherever in the territory they were
 * made. Asked from the other side than findPriors (the held requests of one radiologist are
 * few per birth date), with the same rule, so the viewer's list and DICOMweb agree.
 */
export async function isPriorOfHeldRequest(db: Db, actor: Actor, request: RequestIdentityRow & { id: string }): Promise<boolean> {
  if (actor.role !== "RADIOLOGIST") return false;
  const held = await db.readingRequest.findMany({
    where: { AND: [{ holderId: actor.id, id: { not: request.id } }, visibleRequestsWhere(actor), samePatientCandidatesWhere(request)] },
    select: requestIdentitySelect,
  });
  const patient = toPatientIdentity(request);
  return held.some((row) => matchPrior(toPatientIdentity(row), patient) !== null);
}
