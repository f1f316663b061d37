import "server-only";
import type { WorklistSource } from "@/lib/domain/modality-worklist/worklist-item";
import type { Db } from "../../db/client";

// The requests a site's modalities see in their worklist: the site's own télédiagnostics whose
// protocol was sent, and which stay listed while images arrive (a second acquisition, a
// reconstruction sent later, or a scanner that refreshes its list mid-exam still finds the
// patient), until the images are complete or the request is cancelled. Never another site's.

/** At most this many items per query: far beyond a site's open worklist, a bound on a runaway one. */
export const MAX_WORKLIST_ITEMS = 2_000;

export const WORKLIST_STATUSES = ["PROTOCOL_SENT", "IMAGES_ARRIVING"] as const;

export async function loadWorklistSources(db: Db, siteId: string): Promise<WorklistSource[]> {
  const requests = await db.readingRequest.findMany({
    where: { siteId, type: "TELEDIAGNOSTIC", status: { in: [...WORKLIST_STATUSES] } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: MAX_WORKLIST_ITEMS,
    select: {
      id: true,
      patientFamilyName: true,
      patientGivenName: true,
      patientBirthDate: true,
      patientSex: true,
      sitePatientId: true,
      sitePatientIdIssuer: true,
      patientIns: true,
      patientInsStatus: true,
      accessionNumber: true,
      siteAccessionNumber: true,
      modality: true,
      bodyRegion: true,
      proposedExam: true,
      priority: true,
      orderingProvider: true,
      submittedAt: true,
      requester: { select: { displayName: true } },
      protocolText: true,
      contrastInjection: true,
      protocolItem: { select: { code: true, label: true, modality: true } },
      // When the protocol was sent: the last time the request entered PROTOCOL_SENT.
      events: { where: { toStatus: "PROTOCOL_SENT" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
    },
  });
  return requests.map((request) => ({
    requestId: request.id,
    patientFamilyName: request.patientFamilyName,
    patientGivenName: request.patientGivenName,
    patientBirthDate: request.patientBirthDate.toISOString().slice(0, 10),
    patientSex: request.patientSex,
    sitePatientId: request.sitePatientId,
    sitePatientIdIssuer: request.sitePatientIdIssuer,
    patientIns: request.patientIns,
    patientInsStatus: request.patientInsStatus,
    accessionNumber: request.accessionNumber,
    siteAccessionNumber: request.siteAccessionNumber,
    modality: request.modality,
    bodyRegion: request.bodyRegion,
    proposedExam: request.proposedExam,
    priority: request.priority,
    // An order from the RIS is filed under the interface's service account: the physician is the one the RIS named.
    referringPhysician: request.orderingProvider ?? request.requester.displayName,
    protocol: {
      code: request.protocolItem?.code ?? null,
      label: request.protocolItem?.label ?? null,
      modality: request.protocolItem?.modality ?? null,
      text: request.protocolText,
      contrast: request.contrastInjection,
    },
    scheduledAt: request.events[0]?.at ?? request.submittedAt,
  }));
}
