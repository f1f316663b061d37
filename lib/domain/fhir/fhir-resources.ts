import type { DiagnosticReport, ImagingStudy, Patient, ServiceRequest, Task } from "@medplum/fhirtypes";
import type { Modality, Priority, RequestStatus, Sex } from "../enums";
import { insForOutgoing, insStatusCode, type InsStatus } from "../identity/ins-status";
import {
  ACCESSION_SYSTEM,
  DICOM_SYSTEM,
  DICOM_UID_SYSTEM,
  fhirPriorityOf,
  genderOf,
  IDENTIFIER_TYPE_SYSTEM,
  IDENTITY_RELIABILITY_SYSTEM,
  IDENTITY_RELIABILITY_URL,
  INS_NIR_SYSTEM,
  LOINC_SYSTEM,
  REQUEST_STATUS_SYSTEM,
  RPPS_SYSTEM,
  serviceRequestStatusOf,
  taskStatusOf,
} from "./fhir-codes";
import { patientIdOf } from "./patient-id";
import { wallClockToInstant, zoneOffsetMinutes } from "../rota/wall-clock";

// The product's records as FHIR R4 resources. Pure: the server queries the rows (scoped to what
// the caller may see) and these shape them. docs/interfaces-fhir.md documents each mapping.

export interface RequestIdentityRow {
  siteId: string;
  sitePatientId: string;
  sitePatientIdIssuer: string | null;
  patientFamilyName: string;
  patientGivenName: string;
  patientBirthDate: Date;
  patientSex: Sex;
  patientIns: string | null;
  patientInsStatus: InsStatus | null;
}

export interface RequestRow extends RequestIdentityRow {
  id: string;
  status: RequestStatus;
  priority: Priority;
  modality: Modality;
  bodyRegion: string;
  clinicalContext: string;
  clinicalQuestion: string;
  requestedTechnique: string | null;
  accessionNumber: string;
  placerOrderNumber: string | null;
  submittedAt: Date;
  updatedAt: Date;
  requester: { id: string; displayName: string; rpps: string | null };
  holder: { id: string; displayName: string; rpps: string | null } | null;
}

/** The IPP: its issuer as an OID system when the site's RIS named one, else the site's own. */
function ippIdentifier(row: RequestIdentityRow) {
  return {
    use: "usual" as const,
    type: { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code: "PI" }] },
    system: row.sitePatientIdIssuer && /^[0-9.]+$/.test(row.sitePatientIdIssuer) ? `urn:oid:${row.sitePatientIdIssuer}` : `urn:teleradio:fhir:site:${row.siteId}:ipp`,
    value: row.sitePatientId,
  };
}

export function patientReference(row: RequestIdentityRow) {
  return { reference: `Patient/${patientIdOf(row.siteId, row.sitePatientId)}`, display: `${row.patientFamilyName.toUpperCase()} ${row.patientGivenName}` };
}

function practitionerReference(user: { displayName: string; rpps: string | null }) {
  return { display: user.displayName, ...(user.rpps ? { identifier: { system: RPPS_SYSTEM, value: user.rpps } } : {}) };
}

/** The patient as the site knows them; the INS only for a qualified identity (insForOutgoing). */
export function toPatient(row: RequestIdentityRow): Patient {
  const ins = insForOutgoing(row);
  return {
    resourceType: "Patient",
    id: patientIdOf(row.siteId, row.sitePatientId),
    ...(ins ? { extension: [{ url: IDENTITY_RELIABILITY_URL, valueCoding: { system: IDENTITY_RELIABILITY_SYSTEM, code: insStatusCode("QUALIFIED") } }] } : {}),
    identifier: [ippIdentifier(row), ...(ins ? [{ use: "official" as const, type: { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code: "NH" }] }, system: INS_NIR_SYSTEM, value: ins }] : [])],
    name: [{ use: "official", family: row.patientFamilyName, given: [row.patientGivenName] }],
    gender: genderOf(row.patientSex),
    birthDate: row.patientBirthDate.toISOString().slice(0, 10),
    managingOrganization: { identifier: { system: "urn:teleradio:fhir:site", value: row.siteId } },
  };
}

export function toServiceRequest(row: RequestRow): ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    id: row.id,
    meta: { lastUpdated: row.updatedAt.toISOString() },
    identifier: [
      ...(row.placerOrderNumber ? [{ type: { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code: "PLAC" }] }, value: row.placerOrderNumber }] : []),
      { type: { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code: "ACSN" }] }, system: ACCESSION_SYSTEM, value: row.accessionNumber },
    ],
    status: serviceRequestStatusOf(row.status),
    intent: "order",
    priority: fhirPriorityOf(row.priority),
    code: { coding: [{ system: DICOM_SYSTEM, code: row.modality }], text: `${row.modality} ${row.bodyRegion}` },
    bodySite: [{ text: row.bodyRegion }],
    subject: patientReference(row),
    authoredOn: row.submittedAt.toISOString(),
    requester: practitionerReference(row.requester),
    reasonCode: [{ text: row.clinicalQuestion }],
    note: [{ text: row.clinicalContext }],
    ...(row.requestedTechnique ? { orderDetail: [{ text: row.requestedTechnique }] } : {}),
  };
}

export function toTask(row: RequestRow, statusLabel: string): Task {
  return {
    resourceType: "Task",
    id: row.id,
    status: taskStatusOf(row.status),
    businessStatus: { coding: [{ system: REQUEST_STATUS_SYSTEM, code: row.status, display: statusLabel }], text: statusLabel },
    intent: "order",
    priority: fhirPriorityOf(row.priority),
    focus: { reference: `ServiceRequest/${row.id}` },
    basedOn: [{ reference: `ServiceRequest/${row.id}` }],
    for: patientReference(row),
    authoredOn: row.submittedAt.toISOString(),
    lastModified: row.updatedAt.toISOString(),
    requester: practitionerReference(row.requester),
    ...(row.holder ? { owner: practitionerReference(row.holder) } : {}),
  };
}

export interface StudyRow {
  id: string;
  studyInstanceUid: string;
  requestId: string;
  studyDate: string | null;
  studyTime: string | null;
  studyDescription: string | null;
  series: { seriesInstanceUid: string; modality: string; instanceCount: number }[];
}

/** DICOM DA/TM to FHIR dateTime (without a zone: DICOM gives the modality's local time). */
export function dicomDateTime(date: string | null, time: string | null): string | undefined {
  if (!date || !/^\d{8}$/.test(date)) return undefined;
  const day = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
  const hhmmss = /^(\d{2})(\d{2})(\d{2})?/.exec(time ?? "");
  if (!hhmmss || Number(hhmmss[1]) > 23 || Number(hhmmss[2]) > 59) return day;
  // FHIR R4 wants a zone once hours are given; DICOM's study time is the site's wall clock (Paris).
  const local = `${day}T${hhmmss[1]}:${hhmmss[2]}` as const;
  const offset = zoneOffsetMinutes(wallClockToInstant(local));
  const sign = offset < 0 ? "-" : "+";
  const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}:${String(Math.abs(offset) % 60).padStart(2, "0")}`;
  return `${local}:${hhmmss[3] ?? "00"}${zone}`;
}

export function toImagingStudy(study: StudyRow, request: RequestIdentityRow, dicomwebBase: string): ImagingStudy {
  const modalities = [...new Set(study.series.map((series) => series.modality))].sort();
  const started = dicomDateTime(study.studyDate, study.studyTime);
  return {
    resourceType: "ImagingStudy",
    id: study.id,
    identifier: [{ system: DICOM_UID_SYSTEM, value: `urn:oid:${study.studyInstanceUid}` }],
    status: "available",
    modality: modalities.map((code) => ({ system: DICOM_SYSTEM, code })),
    subject: patientReference(request),
    basedOn: [{ reference: `ServiceRequest/${study.requestId}` }],
    ...(started ? { started } : {}),
    ...(study.studyDescription ? { description: study.studyDescription } : {}),
    numberOfSeries: study.series.length,
    numberOfInstances: study.series.reduce((sum, series) => sum + series.instanceCount, 0),
    contained: [{ resourceType: "Endpoint", id: "dicomweb", status: "active", connectionType: { system: "http://terminology.hl7.org/CodeSystem/endpoint-connection-type", code: "dicom-wado-rs" }, payloadType: [{ text: "DICOM" }], address: dicomwebBase }],
    endpoint: [{ reference: "#dicomweb" }],
    series: study.series.map((series) => ({ uid: series.seriesInstanceUid, modality: { system: DICOM_SYSTEM, code: series.modality }, numberOfInstances: series.instanceCount })),
  };
}

export interface ReportRow {
  id: string;
  requestId: string;
  kind: "ORIGINAL" | "ADDENDUM";
  sequence: number;
  conclusion: string | null;
  signedAt: Date;
  signerName: string | null;
  signer: { rpps: string | null } | null;
  studyIds: string[];
}

export const REPORT_LOINC = { system: LOINC_SYSTEM, code: "18748-4", display: "Diagnostic imaging study" } as const;

/** A signed version; `pdf` is the document's bytes (read) or left out (search: the url suffices). */
export function toDiagnosticReport(report: ReportRow, request: RequestIdentityRow, pdf: { url: string; data?: Uint8Array; title: string }): DiagnosticReport {
  return {
    resourceType: "DiagnosticReport",
    id: report.id,
    status: report.kind === "ADDENDUM" ? "amended" : "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0074", code: "RAD", display: "Radiology" }] }],
    code: { coding: [{ ...REPORT_LOINC }], text: "Compte rendu d'imagerie" },
    subject: patientReference(request),
    basedOn: [{ reference: `ServiceRequest/${report.requestId}` }],
    effectiveDateTime: report.signedAt.toISOString(),
    issued: report.signedAt.toISOString(),
    resultsInterpreter: [practitionerReference({ displayName: report.signerName ?? "", rpps: report.signer?.rpps ?? null })],
    imagingStudy: report.studyIds.map((id) => ({ reference: `ImagingStudy/${id}` })),
    ...(report.conclusion ? { conclusion: report.conclusion } : {}),
    presentedForm: [
      {
        contentType: "application/pdf",
        language: "fr",
        url: pdf.url,
        title: pdf.title,
        creation: report.signedAt.toISOString(),
        ...(pdf.data ? { data: Buffer.from(pdf.data).toString("base64"), size: pdf.data.byteLength } : {}),
      },
    ],
  };
}
