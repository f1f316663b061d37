import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db/client";

export const AUDIT_ACTIONS = [
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "SIGN_IN_THROTTLED",
  "SIGN_IN_LOCKED",
  "SIGN_IN_UNLOCKED",
  "SIGN_OUT",
  // Second factors (lib/server/auth/factors, services/security).
  "SIGN_IN_SECOND_FACTOR_ASKED",
  "SIGN_IN_SECOND_FACTOR_FAILED",
  "SECOND_FACTOR_ENROLLED",
  "SECOND_FACTOR_REMOVED",
  "SECOND_FACTOR_ENROLMENT_REQUIRED",
  "RECOVERY_CODES_REGENERATED",
  "RECOVERY_CODE_USED",
  // Accounts: administration, one-time links, passwords, sessions ended by their user.
  "ACCOUNT_CREATED",
  "ACCOUNT_UPDATED",
  "ACCOUNT_DEACTIVATED",
  "ACCOUNT_REACTIVATED",
  "ACCOUNT_LINK_ISSUED",
  "ACCOUNT_LINK_REFUSED",
  "PASSWORD_SET",
  "PASSWORD_CHANGED",
  "PASSWORD_CHANGE_FAILED",
  "LANGUAGE_CHANGED",
  "SESSION_ENDED",
  "SECOND_FACTORS_RESET",
  "SESSION_RENEWED",
  "REQUEST_SUBMITTED",
  "REQUEST_READ",
  "WORKLIST_READ",
  // The header's patient search: who, what was typed, how many requests it found (even none).
  "PATIENTS_SEARCHED",
  "REQUEST_CLAIMED",
  "REQUEST_RELEASED",
  "DICOM_INSTANCE_STORED",
  "DICOM_INSTANCE_CONFLICT",
  "DICOM_INSTANCE_REFUSED",
  // A registered sender's AE title or token presented from an address its allow-list lacks.
  "DICOM_SENDER_ADDRESS_REFUSED",
  "DICOM_SENDER_CHANGED",
  // Messages from a site's RIS (lib/server/hl7): each one, with the ACK it got; post-exam information.
  "HL7_MESSAGE_ACCEPTED",
  "HL7_MESSAGE_REFUSED",
  "POST_EXAM_RECORDED",
  // A modality's worklist query (C-FIND): the calling AE and site, the keys, the requests returned.
  "DICOM_WORKLIST_QUERIED",
  // Query/retrieve by a site's DICOM node (imaging/query-retrieve) and its C-MOVE destinations.
  "DICOM_QUERY",
  "DICOM_RETRIEVE",
  "DICOM_MOVE_DESTINATION_CHANGED",
  "STUDY_LINKED",
  "STUDY_LINK_CONFIRMED",
  "STUDY_READ",
  "UNLINKED_STUDIES_SEARCHED",
  "IMAGES_MARKED_COMPLETE",
  "IMAGES_COMPLETED_AUTOMATICALLY",
  "DICOMWEB_READ",
  "VIEWER_OPENED",
  "PRIORS_LISTED",
  "REQUEST_IMAGES_LISTED",
  // Workflow: every transition of the request's life (the event row says from/to).
  "REQUEST_TRANSITION",
  "PATIENT_INFORMED",
  "REQUEST_ASSIGNED",
  "ASSIGNMENT_ACKNOWLEDGED",
  "REQUEST_TAKEN_OVER",
  "REQUEST_HANDED_OVER",
  "REQUEST_RETURNED_TO_POOL",
  "REQUEST_ESCALATED",
  // Rota and settings.
  "ROTA_READ",
  "SHIFT_CREATED",
  "SHIFT_UPDATED",
  "SHIFT_DELETED",
  "PRIVILEGE_CHANGED",
  "SITE_SETTINGS_CHANGED",
  "PRIORITY_TARGETS_CHANGED",
  "PROTOCOL_CATALOGUE_CHANGED",
  // Thread and notifications.
  "THREAD_READ",
  "THREAD_MESSAGE_POSTED",
  "NOTIFICATIONS_MARKED_READ",
  // Reports: drafts, signing, delivery, templates, critical findings.
  "REPORT_READ",
  "REPORT_DRAFT_CREATED",
  "REPORT_DRAFT_SAVED",
  "REPORT_TEMPLATE_CHANGED",
  "REPORT_SIGNED",
  "REPORT_REAUTH_FAILED",
  "REPORT_ADDENDUM_STARTED",
  "REPORT_OPENED",
  "REPORT_ACKNOWLEDGED",
  "REPORT_PDF_DOWNLOADED",
  // The CDA R2 document of a signed version (services/cda), for the DMP.
  "REPORT_CDA_DOWNLOADED",
  // Measurements sent from the viewer to the report (services/report-measurements).
  "REPORT_MEASUREMENT_SENT",
  "REPORT_MEASUREMENTS_READ",
  "REPORT_MEASUREMENTS_DISCARDED",
  "MY_REQUESTS_READ",
  "TEMPLATES_READ",
  "TEMPLATE_VERSION_SAVED",
  "TEMPLATE_ACTIVE_CHANGED",
  "CRITICAL_FINDINGS_READ",
  "CRITICAL_FINDING_FLAGGED",
  "CRITICAL_FINDING_COMMUNICATED",
  "CRITICAL_FINDING_ACKNOWLEDGED",
  "CRITICAL_FINDING_ESCALATED",
  // Dashboards: figures, the requests behind them, exports (per-radiologist ones say so).
  "DASHBOARD_READ",
  "DASHBOARD_DRILLED_DOWN",
  "DASHBOARD_EXPORTED",
  "OPERATIONS_BOARD_READ",
  "ACTIVITY_REPORT_DOWNLOADED",
  // HL7 with the sites' RIS, outbound side (services/ris-interfaces, services/hl7-outbound).
  "RIS_INTERFACE_CREATED",
  "RIS_INTERFACE_CHANGED",
  "HL7_MESSAGE_QUEUED",
  "HL7_MESSAGE_DELIVERY",
  "HL7_MESSAGE_RETRIED",
  // The FHIR API (lib/server/fhir): each read or search, with the resource ids it returned.
  "FHIR_READ",
  // The signed report stored at the site's PACS (lib/server/services/pacs-export, report-destinations).
  "REPORT_PACS_DESTINATION_CHANGED",
  "REPORT_PACS_EXPORT_ATTEMPT",
  "REPORT_PACS_EXPORT_RETRIED",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entityType:
    | "ReadingRequest"
    | "Worklist"
    | "PatientSearch"
    | "User"
    | "DicomStudy"
    | "DicomInstance"
    | "Shift"
    | "Site"
    | "ReadingPrivilege"
    | "PriorityTarget"
    | "ProtocolCatalogueItem"
    | "ThreadMessage"
    | "Notification"
    | "ReportVersion"
    | "ReportTemplate"
    | "CriticalFinding"
    | "Dashboard"
    | "SiteGroup"
    | "DicomSender"
    | "DicomMoveDestination"
    | "RisInterface"
    | "Hl7Message"
    | "ReportPacsDestination"
    | "ReportPacsExport";
  entityId?: string | null;
  siteId?: string | null;
  detail?: Prisma.InputJsonValue;
}

/** The row of an entry, as both the transactional and the buffered writers store it. */
export function toAuditRow(entry: AuditEntry, at?: Date): Prisma.AuditLogCreateManyInput {
  return {
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    siteId: entry.siteId ?? null,
    detail: entry.detail === undefined ? undefined : jsonbSafe(entry.detail),
    ...(at ? { at } : {}),
  };
}

/** Writes one audit row. Call it with the transaction that makes the change it records. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: toAuditRow(entry) });
}

/** PostgreSQL's jsonb refuses NUL characters; audit details quote untrusted input (file names, parser messages). */
function jsonbSafe(value: Prisma.InputJsonValue): Prisma.InputJsonValue {
  if (typeof value === "string") return value.replaceAll("\0", "");
  if (Array.isArray(value)) return value.map((item) => (item === null ? item : jsonbSafe(item as Prisma.InputJsonValue)));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item === null || item === undefined ? item : jsonbSafe(item as Prisma.InputJsonValue)]));
  }
  return value;
}
