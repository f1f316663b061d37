import type { Extension, Identifier, Patient, ServiceRequest } from "@medplum/fhirtypes";
import { insStatusFromCode } from "../identity/ins-status";
import { MODALITIES, type Modality } from "../enums";
import { submitRequestSchema, type SubmitRequest, type SubmitRequestInput } from "../submit-request-schema";
import { CONTRAST_SAFETY_URL, DICOM_SYSTEM, IDENTITY_RELIABILITY_URL, INS_NIR_SYSTEM, PATIENT_INFORMED_URL, priorityFromFhir, sexFromGender } from "./fhir-codes";
import type { FhirIssue } from "./operation-outcome";

// An EHR's ServiceRequest (POST /fhir/R4/ServiceRequest) as the request form's input: the same
// schema then validates it (submit-request-schema.ts), so a request is refused over FHIR exactly
// when the form would refuse it. The mapping is documented in docs/interfaces-fhir.md.

export interface PatientIdentityFromFhir {
  familyName?: string;
  givenName?: string;
  birthDate?: string;
  sex?: string;
  sitePatientId?: string;
  sitePatientIdIssuer: string | null;
  ins?: string;
  insStatus?: string;
}

export type ServiceRequestSubject = { kind: "contained"; patient: Patient } | { kind: "reference"; patientId: string };

export interface ServiceRequestSubmission {
  input: SubmitRequest;
  /** The EHR's order number (identifier): the request's placer order number, its idempotency key. */
  placerOrderNumber: string | null;
  sitePatientIdIssuer: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; status: 400 | 422; issues: FhirIssue[] };

/** Structure first (400): what the resource is and who its subject is. */
export function subjectOfServiceRequest(body: unknown): Parsed<{ resource: ServiceRequest; subject: ServiceRequestSubject }> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return structure("the body is not a JSON object");
  const resource = body as ServiceRequest;
  if (resource.resourceType !== "ServiceRequest") return structure(`expected a ServiceRequest, got ${String((resource as { resourceType?: unknown }).resourceType ?? "no resourceType")}`, "resourceType");
  const reference = resource.subject?.reference;
  if (typeof reference !== "string") return invalid("the subject is required: a contained Patient (#id) or Patient/<id>", "ServiceRequest.subject");
  if (reference.startsWith("#")) {
    const contained = (resource.contained ?? []).find((item) => item.resourceType === "Patient" && `#${item.id ?? ""}` === reference);
    if (!contained) return structure(`no contained Patient ${reference}`, "ServiceRequest.contained");
    return { ok: true, value: { resource, subject: { kind: "contained", patient: contained as Patient } } };
  }
  const patientId = /^Patient\/([A-Za-z0-9.-]{1,64})$/.exec(reference)?.[1];
  if (!patientId) return invalid("the subject must be a contained Patient (#id) or Patient/<id> of this server", "ServiceRequest.subject");
  return { ok: true, value: { resource, subject: { kind: "reference", patientId } } };
}

/** The identity a FHIR Patient gives (contained in the request). */
export function identityFromPatient(patient: Patient): PatientIdentityFromFhir {
  const name = patient.name?.find((n) => n.use === "official") ?? patient.name?.[0];
  const insIdentifier = patient.identifier?.find((identifier) => identifier.system === INS_NIR_SYSTEM);
  const ipp = patient.identifier?.find((identifier) => identifier !== insIdentifier && isIpp(identifier)) ?? patient.identifier?.find((identifier) => identifier !== insIdentifier);
  return {
    familyName: name?.family,
    givenName: name?.given?.[0],
    birthDate: patient.birthDate,
    sex: sexFromGender(patient.gender) ?? patient.gender,
    sitePatientId: ipp?.value,
    sitePatientIdIssuer: issuerOf(ipp),
    ins: insIdentifier?.value,
    insStatus: insIdentifier ? (reliabilityOf(patient.extension) ?? undefined) : undefined,
  };
}

/** The whole submission, validated by the form's schema (422 with the failing elements named). */
export function submissionFromServiceRequest(
  resource: ServiceRequest,
  identity: PatientIdentityFromFhir,
  idempotencyKeyFor: (placerOrderNumber: string | null) => string,
  translate: (key: string) => string = (key) => key,
): Parsed<ServiceRequestSubmission> {
  const modality = resource.code?.coding?.find((coding) => coding.system === DICOM_SYSTEM && (MODALITIES as readonly string[]).includes(coding.code ?? ""))?.code as Modality | undefined;
  const contrast = extensionOf(resource.extension, CONTRAST_SAFETY_URL);
  const sub = (name: string) => extensionOf(contrast?.extension, name);
  const placerValue = placerOrderNumberOf(resource);
  const informed = extensionOf(resource.extension, PATIENT_INFORMED_URL)?.valueBoolean;

  const candidate: SubmitRequestInput = {
    type: "TELEDIAGNOSTIC",
    idempotencyKey: idempotencyKeyFor(placerValue),
    priority: (priorityFromFhir(resource.priority ?? "routine") ?? resource.priority) as SubmitRequestInput["priority"],
    patient: {
      familyName: identity.familyName ?? "",
      givenName: identity.givenName ?? "",
      birthDate: identity.birthDate ?? "",
      sex: (identity.sex ?? "") as "FEMALE",
      sitePatientId: identity.sitePatientId ?? "",
      ins: identity.ins,
      insStatus: identity.insStatus as "QUALIFIED" | undefined,
    },
    modality: (modality ?? "") as Modality,
    bodyRegion: resource.bodySite?.[0]?.text ?? resource.bodySite?.[0]?.coding?.[0]?.display ?? "",
    clinicalQuestion: resource.reasonCode?.map((reason) => reason.text ?? reason.coding?.[0]?.display ?? "").filter(Boolean).join("\n") ?? "",
    clinicalContext: resource.note?.map((note) => note.text).filter(Boolean).join("\n") ?? "",
    siteAccessionNumber: undefined,
    requestedTechnique: resource.orderDetail?.map((detail) => detail.text ?? "").filter(Boolean).join("\n") || undefined,
    contrast: {
      renalFunction: (sub("renalFunction")?.valueCode ?? "") as "UNKNOWN",
      egfr: sub("egfr")?.valueInteger,
      contrastAllergy: (sub("contrastAllergy")?.valueCode ?? "") as "UNKNOWN",
      pregnancy: (sub("pregnancy")?.valueCode ?? "") as "NOT_APPLICABLE",
      metformin: (sub("metformin")?.valueCode ?? "") as "UNKNOWN",
    },
    ...(typeof informed === "boolean" ? { patientInformed: informed } : {}),
  };
  if (resource.intent && resource.intent !== "order" && resource.intent !== "original-order") return invalid(`intent ${resource.intent} is not an order: only intent=order creates a request`, "ServiceRequest.intent");
  if (resource.status && resource.status !== "active" && resource.status !== "draft") return invalid(`a new request is active, not ${resource.status}`, "ServiceRequest.status");
  if (placerValue !== null && (placerValue.length > 64 || !/^[\x21-\x7e]+$/.test(placerValue))) return invalid("the order number (identifier.value) has 1 to 64 printable characters, no spaces", "ServiceRequest.identifier");

  const parsed = submitRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      status: 422,
      issues: parsed.error.issues.map((issue) => {
        const path = issue.path.join(".");
        return { code: issue.code === "too_big" ? "too-long" : issue.path.length ? "value" : "invalid", diagnostics: `${path}: ${translate(issue.message)}`, expression: FHIR_PATH_OF[path] ?? "ServiceRequest" };
      }),
    };
  }
  return { ok: true, value: { input: parsed.data, placerOrderNumber: placerValue, sitePatientIdIssuer: identity.sitePatientIdIssuer } };
}

/** The EHR's order number: the identifier typed PLAC, else the first one. */
export function placerOrderNumberOf(resource: ServiceRequest): string | null {
  const placer = resource.identifier?.find((identifier) => identifier.type?.coding?.some((coding) => coding.code === "PLAC")) ?? resource.identifier?.[0];
  return placer?.value?.trim() || null;
}

/** Where each form field comes from in the FHIR resource: the issue's expression. */
export const FHIR_PATH_OF: Record<string, string> = {
  priority: "ServiceRequest.priority",
  modality: "ServiceRequest.code",
  bodyRegion: "ServiceRequest.bodySite",
  clinicalQuestion: "ServiceRequest.reasonCode",
  clinicalContext: "ServiceRequest.note",
  requestedTechnique: "ServiceRequest.orderDetail",
  "patient.familyName": "Patient.name.family",
  "patient.givenName": "Patient.name.given",
  "patient.birthDate": "Patient.birthDate",
  "patient.sex": "Patient.gender",
  "patient.sitePatientId": "Patient.identifier",
  "patient.ins": "Patient.identifier",
  "patient.insStatus": "Patient.extension",
  "contrast.renalFunction": `ServiceRequest.extension('${CONTRAST_SAFETY_URL}').extension('renalFunction')`,
  "contrast.egfr": `ServiceRequest.extension('${CONTRAST_SAFETY_URL}').extension('egfr')`,
  "contrast.contrastAllergy": `ServiceRequest.extension('${CONTRAST_SAFETY_URL}').extension('contrastAllergy')`,
  "contrast.pregnancy": `ServiceRequest.extension('${CONTRAST_SAFETY_URL}').extension('pregnancy')`,
  "contrast.metformin": `ServiceRequest.extension('${CONTRAST_SAFETY_URL}').extension('metformin')`,
};

function extensionOf(extensions: Extension[] | undefined, url: string): Extension | undefined {
  return extensions?.find((extension) => extension.url === url);
}

function isIpp(identifier: Identifier): boolean {
  return identifier.type?.coding?.some((coding) => coding.code === "PI" || coding.code === "MR") === true;
}

/** The IPP's assigning authority: an OID system (urn:oid:…), or the assigner's identifier. */
function issuerOf(identifier: Identifier | undefined): string | null {
  const oid = /^urn:oid:([0-9.]{1,64})$/.exec(identifier?.system ?? "")?.[1];
  const issuer = oid ?? identifier?.assigner?.identifier?.value ?? null;
  return issuer && issuer.length <= 64 ? issuer : null;
}

/** VALI, QUAL, PROV or RECUP in the FR Core identity reliability extension (nested or not). */
function reliabilityOf(extensions: Extension[] | undefined): string | null {
  const reliability = extensionOf(extensions, IDENTITY_RELIABILITY_URL);
  if (!reliability) return null;
  const codings = [reliability.valueCoding, ...(reliability.extension ?? []).map((inner) => inner.valueCoding)].filter(Boolean);
  for (const coding of codings) {
    const status = insStatusFromCode(coding?.code ?? "");
    if (status) return status;
  }
  return null;
}

function structure<T>(diagnostics: string, expression?: string): Parsed<T> {
  return { ok: false, status: 400, issues: [{ code: "structure", diagnostics, ...(expression ? { expression } : {}) }] };
}

function invalid<T>(diagnostics: string, expression: string): Parsed<T> {
  return { ok: false, status: 422, issues: [{ code: "value", diagnostics, expression }] };
}
