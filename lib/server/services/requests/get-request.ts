import "server-only";
import { parseEventReasonDetail, type EventReasonDetail } from "@/lib/domain/assignment/event-reason-detail";
import type { Actor } from "@/lib/domain/access";
import type { EventType } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { toWorklistRow, worklistRowSelect, type WorklistRow } from "./request-dto";
import { visibleRequestsWhere } from "./request-scope";
import { requestWorkflowSelect, toRequestWorkflow, type RequestWorkflow } from "./request-workflow-dto";
import type { InsStatus } from "@/lib/domain/identity/ins-status";

export interface RequestEventDto {
  id: string;
  type: EventType;
  at: Date;
  /** The person who acted, or null when a machine did (actorLabel then names it). */
  actor: { id: string; name: string; role: string } | null;
  actorLabel: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  /** The system's own reason as codes, rendered in the reader's language; null for people's words and older events. */
  reasonDetail: EventReasonDetail | null;
}

export interface RequestDetail extends WorklistRow {
  accessionNumber: string;
  siteAccessionNumber: string | null;
  imagesAfterSigningAt: Date | null;
  patientIdentity: { sitePatientId: string; sitePatientIdIssuer: string | null; ins: string | null; insStatus: InsStatus | null };
  requester: { id: string; name: string };
  clinicalContext: string;
  clinicalQuestion: string;
  expertQuestion: string | null;
  contrast: {
    renalFunction: string | null;
    egfr: number | null;
    contrastAllergy: string | null;
    pregnancy: string | null;
    metformin: string | null;
  } | null;
  /** What the site's RIS sent with an HL7 order (null items when not given; source FORM for typed requests). */
  order: {
    source: "FORM" | "HL7" | "FHIR";
    orderingProvider: string | null;
    otherContraindications: string | null;
    priorResults: string | null;
    requestedTechnique: string | null;
    desiredDelay: string | null;
  };
  /** The post-exam information (HL7 OMI^O23), once received. */
  postExam: { examPerformedAt: Date | null; performedTechnique: string | null; doseReport: string | null; receivedAt: Date } | null;
  claimedAt: Date | null;
  version: number;
  timeline: RequestEventDto[];
  workflow: RequestWorkflow;
}

/** One request with its timeline. Outside the actor's scope it does not exist. The read is audited. */
export async function getRequest(args: { db: Db; actor: Actor; requestId: string }): Promise<RequestDetail> {
  const { db, actor, requestId } = args;
  const record = await db.readingRequest.findFirst({
    where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
    select: {
      ...worklistRowSelect,
      ...requestWorkflowSelect,
      sitePatientId: true,
      patientIns: true,
      patientInsStatus: true,
      sitePatientIdIssuer: true,
      clinicalContext: true,
      clinicalQuestion: true,
      expertQuestion: true,
      renalFunction: true,
      egfr: true,
      contrastAllergy: true,
      pregnancy: true,
      metformin: true,
      claimedAt: true,
      version: true,
      source: true,
      orderingProvider: true,
      otherContraindications: true,
      priorResults: true,
      requestedTechnique: true,
      desiredDelay: true,
      examPerformedAt: true,
      performedTechnique: true,
      doseReport: true,
      postExamReceivedAt: true,
      accessionNumber: true,
      siteAccessionNumber: true,
      imagesAfterSigningAt: true,
      requester: { select: { id: true, displayName: true } },
      events: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: {
          id: true,
          type: true,
          at: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          reasonDetail: true,
          actorLabel: true,
          actor: { select: { id: true, displayName: true, role: true } },
        },
      },
    },
  });
  if (!record) throw new AppError("NOT_FOUND", "Request not found");

  await writeAudit(db, {
    actorId: actor.id,
    action: "REQUEST_READ",
    entityType: "ReadingRequest",
    entityId: record.id,
    siteId: record.site.id,
  });

  return {
    ...toWorklistRow(record),
    patientIdentity: { sitePatientId: record.sitePatientId, sitePatientIdIssuer: record.sitePatientIdIssuer, ins: record.patientIns, insStatus: record.patientInsStatus },
    requester: { id: record.requester.id, name: record.requester.displayName },
    clinicalContext: record.clinicalContext,
    clinicalQuestion: record.clinicalQuestion,
    expertQuestion: record.expertQuestion,
    contrast:
      record.type === "TELEDIAGNOSTIC"
        ? {
            renalFunction: record.renalFunction,
            egfr: record.egfr,
            contrastAllergy: record.contrastAllergy,
            pregnancy: record.pregnancy,
            metformin: record.metformin,
          }
        : null,
    order: {
      source: record.source,
      orderingProvider: record.orderingProvider,
      otherContraindications: record.otherContraindications,
      priorResults: record.priorResults,
      requestedTechnique: record.requestedTechnique,
      desiredDelay: record.desiredDelay,
    },
    postExam: record.postExamReceivedAt
      ? { examPerformedAt: record.examPerformedAt, performedTechnique: record.performedTechnique, doseReport: record.doseReport, receivedAt: record.postExamReceivedAt }
      : null,
    claimedAt: record.claimedAt,
    version: record.version,
    accessionNumber: record.accessionNumber,
    siteAccessionNumber: record.siteAccessionNumber,
    imagesAfterSigningAt: record.imagesAfterSigningAt,
    workflow: toRequestWorkflow(record, actor),
    timeline: record.events.map((event) => ({
      id: event.id.toString(),
      type: event.type,
      at: event.at,
      actor: event.actor ? { id: event.actor.id, name: event.actor.displayName, role: event.actor.role } : null,
      actorLabel: event.actorLabel,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      reasonDetail: parseEventReasonDetail(event.reasonDetail),
    })),
  };
}
