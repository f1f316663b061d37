import "server-only";
import type { Actor } from "@/lib/domain/access";
import { canReadDraft, canReadSignedReport, hasSignedReport } from "@/lib/domain/reports/report-access";
import type { ReportValues } from "@/lib/domain/reports/template-definition";
import type { RequestStatus } from "@/lib/domain/enums";
import { patientInformers, type PatientInformers } from "@/lib/domain/workflow/patient-information-ask";
import { readingBlocker } from "@/lib/domain/workflow/reading-readiness";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { loadSignedVersions } from "../delivery/load-signed-versions";
import { listActiveTemplates } from "../templates/list-active-templates";
import type { ReportDraftDto, ReportPanelDto } from "./report-dto";
import { loadReportSubject, type ReportSubject } from "./load-report-subject";
import { loadDraftTemplate, purposeOf } from "./template-for-draft";

/**
 * The report as this actor may see it: the holder's draft (theirs only), the signed versions
 * (for those who read reports), and what the actor may do now. Reading patient data: audited.
 */
export async function getReportPanel(args: { db: Db; actor: Actor; requestId: string }): Promise<ReportPanelDto> {
  const { db, actor } = args;
  const request = await loadReportSubject(db, actor, args.requestId);
  const isHolder = canReadDraft(actor, request);
  const draft = isHolder ? await loadOpenDraft(db, request) : null;
  const signed = canReadSignedReport(actor) && hasSignedReport(request.status) ? await loadSignedVersions(db, request.id) : [];
  const blocker = readingBlocker({ type: request.type, policy: request.site.patientInformationPolicy, patientInformedAt: request.patientInformedAt });
  const canStart = isHolder && (request.type === "TELEDIAGNOSTIC" ? request.status === "IMAGES_COMPLETE" : request.status === "SUBMITTED");
  const requester = actor.id === request.requesterId;
  // The holder sees what reading will wait for as soon as the protocol is out, so they can ask
  // while the images arrive rather than find out when they are complete.
  const blockerShown = isHolder && AWAITING_READING.has(request.status) ? blocker : null;

  if (draft || signed.length > 0) {
    bufferReadAudit(db, { actorId: actor.id, action: "REPORT_READ", entityType: "ReadingRequest", entityId: request.id, siteId: request.siteId, detail: { draft: draft !== null, signed: signed.length } });
  }
  return {
    requestId: request.id,
    can: {
      startReading: canStart && blocker === null,
      edit: draft !== null,
      sign: draft !== null,
      startAddendum: isHolder && draft === null && hasSignedReport(request.status),
      acknowledge: requester && signed.some((version) => version.delivery && !version.delivery.acknowledgedAt),
    },
    readingBlocker: blockerShown,
    informers: blockerShown === "PATIENT_NOT_INFORMED" ? await loadInformers(db, request) : null,
    draft,
    signed,
    templates: isHolder ? await listActiveTemplates(db, purposeOf(request.type)) : [],
  };
}

const AWAITING_READING: ReadonlySet<RequestStatus> = new Set(["PROTOCOL_SENT", "IMAGES_ARRIVING", "IMAGES_COMPLETE"]);

/** Who can record the patient's information: named on the blocker, asked in the thread. */
async function loadInformers(db: Db, request: ReportSubject): Promise<PatientInformers> {
  const [requester, activeSiteRadiographers] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: request.requesterId }, select: { displayName: true, role: true, active: true } }),
    db.user.count({ where: { role: "RADIOGRAPHER", siteId: request.siteId, active: true } }),
  ]);
  return patientInformers({ requester, activeSiteRadiographers });
}

async function loadOpenDraft(db: Db, request: ReportSubject): Promise<ReportDraftDto | null> {
  const row = await db.reportVersion.findFirst({
    where: { requestId: request.id, signedAt: null },
    orderBy: { sequence: "desc" },
    select: { id: true, sequence: true, kind: true, templateId: true, values: true, draftVersion: true, updatedAt: true, updatedBy: { select: { id: true, displayName: true } } },
  });
  if (!row) return null;
  const template = await loadDraftTemplate(db, row.templateId, { requestType: request.type, modality: request.modality, kind: row.kind, contrastInjection: request.contrastInjection });
  return {
    id: row.id,
    sequence: row.sequence,
    kind: row.kind,
    template: { id: template.id, code: template.code, version: template.version, title: template.title, purpose: template.purpose },
    definition: template.definition,
    values: row.values as ReportValues,
    draftVersion: row.draftVersion,
    updatedAt: row.updatedAt,
    updatedBy: { id: row.updatedBy.id, name: row.updatedBy.displayName },
  };
}
