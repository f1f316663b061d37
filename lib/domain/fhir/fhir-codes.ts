import type { Priority, RequestStatus, Sex } from "../enums";

// The vocabularies the FHIR API maps the product's own to and from (docs/interfaces-fhir.md).

export const FHIR_VERSION = "4.0.1";
export const FHIR_BASE_PATH = "/fhir/R4";
export const FHIR_JSON = "application/fhir+json";

/** INS (NIR-based national health identifier), as the French FHIR core profiles name it. */
export const INS_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8";
/** The identity's reliability (FR Core): VALI, QUAL, PROV, RECUP. */
export const IDENTITY_RELIABILITY_URL = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability";
export const IDENTITY_RELIABILITY_SYSTEM = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445";
/** The RPPS number of a health professional (ANS). */
export const RPPS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1";
export const DICOM_SYSTEM = "http://dicom.nema.org/resources/ontology/DCM";
export const DICOM_UID_SYSTEM = "urn:dicom:uid";
export const LOINC_SYSTEM = "http://loinc.org";
export const IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";
/** The product's own codes and extensions, under a URN so that no web address is implied. */
export const PRODUCT_NS = "urn:teleradio:fhir";
export const REQUEST_STATUS_SYSTEM = `${PRODUCT_NS}:request-status`;
export const ACCESSION_SYSTEM = `${PRODUCT_NS}:accession-number`;
export const CONTRAST_SAFETY_URL = `${PRODUCT_NS}:extension:contrast-safety`;
export const PATIENT_INFORMED_URL = `${PRODUCT_NS}:extension:patient-informed`;

export type ServiceRequestStatus = "active" | "on-hold" | "revoked" | "completed";
export type TaskStatus = "received" | "on-hold" | "accepted" | "rejected" | "in-progress" | "ready" | "completed" | "cancelled";

const SERVICE_REQUEST_STATUS: Record<RequestStatus, ServiceRequestStatus> = {
  SUBMITTED: "active",
  INFO_REQUESTED: "on-hold",
  INDICATION_ACCEPTED: "active",
  INDICATION_MODIFIED: "active",
  INDICATION_REFUSED: "revoked",
  PROTOCOL_SENT: "active",
  IMAGES_ARRIVING: "active",
  IMAGES_COMPLETE: "active",
  IN_READING: "active",
  SIGNED: "completed",
  DELIVERED: "completed",
  ACKNOWLEDGED: "completed",
  CANCELLED: "revoked",
};

// The Task follows the work itself: received until the indication is judged, accepted once it
// is, in progress while images come and while it is read, ready when images wait for a reader.
const TASK_STATUS: Record<RequestStatus, TaskStatus> = {
  SUBMITTED: "received",
  INFO_REQUESTED: "on-hold",
  INDICATION_ACCEPTED: "accepted",
  INDICATION_MODIFIED: "accepted",
  INDICATION_REFUSED: "rejected",
  PROTOCOL_SENT: "in-progress",
  IMAGES_ARRIVING: "in-progress",
  IMAGES_COMPLETE: "ready",
  IN_READING: "in-progress",
  SIGNED: "completed",
  DELIVERED: "completed",
  ACKNOWLEDGED: "completed",
  CANCELLED: "cancelled",
};

export function serviceRequestStatusOf(status: RequestStatus): ServiceRequestStatus {
  return SERVICE_REQUEST_STATUS[status];
}

export function taskStatusOf(status: RequestStatus): TaskStatus {
  return TASK_STATUS[status];
}

/** The product's statuses a FHIR status stands for (search). */
export function requestStatusesFor<T extends string>(table: "ServiceRequest" | "Task", fhirStatus: T): RequestStatus[] {
  const map: Record<RequestStatus, string> = table === "Task" ? TASK_STATUS : SERVICE_REQUEST_STATUS;
  return (Object.keys(map) as RequestStatus[]).filter((status) => map[status] === fhirStatus);
}

const PRIORITY_TO_FHIR: Record<Priority, "stat" | "urgent" | "routine"> = { VITAL: "stat", URGENT: "urgent", ROUTINE: "routine" };

export function fhirPriorityOf(priority: Priority): "stat" | "urgent" | "routine" {
  return PRIORITY_TO_FHIR[priority];
}

/** asap is between urgent and stat in FHIR; the product has no such level: it counts as urgent. */
export function priorityFromFhir(priority: string | undefined): Priority | null {
  switch (priority) {
    case "stat":
      return "VITAL";
    case "urgent":
    case "asap":
      return "URGENT";
    case "routine":
      return "ROUTINE";
    case undefined:
    default:
      return null;
  }
}

const GENDER: Record<Sex, "female" | "male" | "other" | "unknown"> = { FEMALE: "female", MALE: "male", OTHER: "other", UNKNOWN: "unknown" };

export function genderOf(sex: Sex): "female" | "male" | "other" | "unknown" {
  return GENDER[sex];
}

export function sexFromGender(gender: string | undefined): Sex | null {
  const found = (Object.keys(GENDER) as Sex[]).find((sex) => GENDER[sex] === gender);
  return found ?? null;
}
