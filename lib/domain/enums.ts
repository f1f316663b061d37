// The vocabulary of the domain as plain string unions. They mirror the Prisma enums
// (prisma/schema.prisma) so that lib/domain stays free of Prisma.

export const ROLES = ["REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const REQUEST_TYPES = ["TELEDIAGNOSTIC", "TELEEXPERTISE"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const PRIORITIES = ["VITAL", "URGENT", "ROUTINE"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REQUEST_STATUSES = [
  "SUBMITTED",
  "INFO_REQUESTED",
  "INDICATION_ACCEPTED",
  "INDICATION_MODIFIED",
  "INDICATION_REFUSED",
  "PROTOCOL_SENT",
  "IMAGES_ARRIVING",
  "IMAGES_COMPLETE",
  "IN_READING",
  "SIGNED",
  "DELIVERED",
  "ACKNOWLEDGED",
  "CANCELLED",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const SEXES = ["FEMALE", "MALE", "OTHER", "UNKNOWN"] as const;
export type Sex = (typeof SEXES)[number];

export const MODALITIES = ["CT", "MR", "CR", "DX", "US", "XA", "MG", "NM", "PT", "OT"] as const;
export type Modality = (typeof MODALITIES)[number];

export const RENAL_FUNCTIONS = ["NORMAL", "IMPAIRED", "SEVERELY_IMPAIRED", "UNKNOWN"] as const;
export type RenalFunction = (typeof RENAL_FUNCTIONS)[number];

export const YES_NO_UNKNOWN = ["YES", "NO", "UNKNOWN"] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

export const PREGNANCY_STATUSES = ["NOT_PREGNANT", "PREGNANT", "POSSIBLE", "NOT_APPLICABLE"] as const;
export type PregnancyStatus = (typeof PREGNANCY_STATUSES)[number];

export const EVENT_TYPES = [
  "SUBMITTED",
  "CLAIMED",
  "RELEASED",
  "STATUS_CHANGED",
  "STUDY_LINKED",
  "IMAGES_RECEIVED",
  "IMAGES_COMPLETE",
  "IMAGES_AFTER_SIGNING",
  "ASSIGNED",
  "ASSIGNMENT_ACKNOWLEDGED",
  "TAKEN_OVER",
  "HANDED_OVER",
  "RETURNED_TO_POOL",
  "ESCALATED",
  "PATIENT_INFORMED",
  "ADDENDUM_SIGNED",
  "REPORT_OPENED",
  "ADDENDUM_ACKNOWLEDGED",
  "CRITICAL_FINDING_FLAGGED",
  "CRITICAL_FINDING_COMMUNICATED",
  "CRITICAL_FINDING_ACKNOWLEDGED",
  "CRITICAL_FINDING_ESCALATED",
  // The site's RIS sent the post-exam information (HL7 OMI^O23).
  "POST_EXAM_RECORDED",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SHIFT_ROLES = ["PRIMARY", "BACKUP"] as const;
export type ShiftRole = (typeof SHIFT_ROLES)[number];

export const SUBSPECIALTIES = ["NEURO", "MSK", "PAEDIATRIC", "CHEST", "ABDOMINAL", "VASCULAR"] as const;
export type Subspecialty = (typeof SUBSPECIALTIES)[number];

export const HOLD_KINDS = ["CLAIMED", "AUTO_ASSIGNED", "TAKEN_OVER", "HANDED_OVER"] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

export const PATIENT_INFORMATION_POLICIES = ["REQUIRED", "NOT_REQUIRED"] as const;
export type PatientInformationPolicy = (typeof PATIENT_INFORMATION_POLICIES)[number];

export const NOTIFICATION_KINDS = [
  "NEW_REQUEST",
  "VITAL_EMERGENCY",
  "ASSIGNED_TO_ME",
  "INFO_REQUESTED",
  "INFO_PROVIDED",
  "ESCALATED",
  "TAKEN_OVER_FROM_ME",
  "HANDED_OVER_TO_ME",
  "THREAD_MESSAGE",
  "REPORT_DELIVERED",
  "ADDENDUM_DELIVERED",
  "CRITICAL_FINDING",
  "CRITICAL_FINDING_ACKNOWLEDGED",
  "CRITICAL_FINDING_ESCALATED",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const TEMPLATE_PURPOSES = ["REPORT", "OPINION"] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

export const REPORT_VERSION_KINDS = ["ORIGINAL", "ADDENDUM"] as const;
export type ReportVersionKind = (typeof REPORT_VERSION_KINDS)[number];

/** ACR's communication categories: within minutes (vital), hours, or days. */
export const CRITICAL_CATEGORIES = ["MINUTES", "HOURS", "DAYS"] as const;
export type CriticalCategory = (typeof CRITICAL_CATEGORIES)[number];

export const COMMUNICATION_CHANNELS = ["PHONE", "IN_APP"] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];
