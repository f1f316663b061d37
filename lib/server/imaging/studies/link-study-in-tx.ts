import "server-only";
import { compareIdentity, type IdentityMismatch } from "@/lib/domain/identity-match";
import type { StudyLinkMethod } from "@/lib/generated/prisma/client";
import type { Tx } from "../../db/client";
import { recordImageMilestone, type MilestoneActor } from "./request-image-milestone";

export interface LinkTarget {
  studyId: string;
  requestId: string;
  method: StudyLinkMethod;
  by: MilestoneActor;
  /** A person's reason for linking despite an identity mismatch; null when nobody confirmed. */
  confirmation: string | null;
}

export type LinkOutcome = { state: "LINKED" } | { state: "NEEDS_CONFIRMATION"; mismatches: IdentityMismatch[] };

/**
 * Links a study to a request inside the caller's transaction. When the DICOM identity does
 * not match the request's, the link waits for a person's confirmation with a reason; once
 * linked, the request's timeline records the images (and its status moves on when it may).
 */
export async function linkStudyInTx(tx: Tx, target: LinkTarget): Promise<LinkOutcome> {
  const study = await tx.dicomStudy.findUniqueOrThrow({
    where: { id: target.studyId },
    // The study's own identity, as received: never its patient group's (another study's) name.
    select: { imagesCompleteAt: true, patientId: true, patientName: true, patientBirthDate: true, patientSex: true },
  });
  const request = await tx.readingRequest.findUniqueOrThrow({
    where: { id: target.requestId },
    select: { sitePatientId: true, patientFamilyName: true, patientGivenName: true, patientBirthDate: true, patientSex: true },
  });
  const mismatches = compareIdentity(
    {
      sitePatientId: request.sitePatientId,
      familyName: request.patientFamilyName,
      givenName: request.patientGivenName,
      birthDate: request.patientBirthDate.toISOString().slice(0, 10),
      sex: request.patientSex,
    },
    { patientId: study.patientId, name: study.patientName, birthDate: study.patientBirthDate, sex: study.patientSex },
  );
  const linked = mismatches.length === 0 || target.confirmation !== null;
  const now = new Date();
  await tx.dicomStudy.update({
    where: { id: target.studyId },
    data: {
      requestId: target.requestId,
      linkMethod: target.method,
      linkState: linked ? "LINKED" : "NEEDS_CONFIRMATION",
      linkMismatch: mismatches.length > 0 ? mismatches.map((m) => ({ ...m })) : undefined,
      linkReason: target.confirmation,
      linkedById: linked ? target.by.actorId : null,
      linkedAt: now,
    },
  });
  if (!linked) return { state: "NEEDS_CONFIRMATION", mismatches };

  await tx.requestEvent.create({
    data: { requestId: target.requestId, ...target.by, type: "STUDY_LINKED", at: now, reason: target.confirmation },
  });
  await recordImageMilestone(tx, target.requestId, study.imagesCompleteAt ? "complete" : "received", target.by);
  return { state: "LINKED" };
}
