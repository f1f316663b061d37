import type { ServiceRequest } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { withInsKey } from "../ins-key";
import { CONTRAST_SAFETY_URL, DICOM_SYSTEM, IDENTITY_RELIABILITY_URL, INS_NIR_SYSTEM } from "./fhir-codes";
import { identityFromPatient, subjectOfServiceRequest, submissionFromServiceRequest } from "./service-request-input";

const ins = withInsKey("2510399123456");

function resource(overrides: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    contained: [
      {
        resourceType: "Patient",
        id: "p",
        extension: [{ url: IDENTITY_RELIABILITY_URL, extension: [{ url: "identityStatus", valueCoding: { code: "QUAL" } }] }],
        identifier: [{ system: INS_NIR_SYSTEM, value: ins }, { type: { coding: [{ code: "PI" }] }, system: "urn:oid:1.2.3.4", value: "IPP42" }],
        name: [{ family: "MARTIN", given: ["Louise", "Marie"] }],
        gender: "female",
        birthDate: "1951-03-02",
      },
    ],
    identifier: [{ value: "ORDER-1" }],
    status: "active",
    intent: "order",
    priority: "stat",
    code: { coding: [{ system: DICOM_SYSTEM, code: "MR" }] },
    bodySite: [{ text: "Rachis lombaire" }],
    subject: { reference: "#p" },
    reasonCode: [{ text: "Compression ?" }],
    note: [{ text: "Lombalgie aiguë" }],
    extension: [
      {
        url: CONTRAST_SAFETY_URL,
        extension: [
          { url: "renalFunction", valueCode: "IMPAIRED" },
          { url: "egfr", valueInteger: 45 },
          { url: "contrastAllergy", valueCode: "UNKNOWN" },
          { url: "pregnancy", valueCode: "NOT_PREGNANT" },
          { url: "metformin", valueCode: "YES" },
        ],
      },
    ],
    ...overrides,
  };
}

function submit(sr: ServiceRequest) {
  const structure = subjectOfServiceRequest(sr);
  if (!structure.ok || structure.value.subject.kind !== "contained") throw new Error("structure");
  return submissionFromServiceRequest(sr, identityFromPatient(structure.value.subject.patient), (placer) => `key-${placer ?? "none"}`);
}

describe("submissionFromServiceRequest", () => {
  it("gives the form's input: identity, INS with its reliability, exam, questions, contrast items, order number", () => {
    const parsed = submit(resource());
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        placerOrderNumber: "ORDER-1",
        sitePatientIdIssuer: "1.2.3.4",
        input: {
          type: "TELEDIAGNOSTIC",
          idempotencyKey: "key-ORDER-1",
          priority: "VITAL",
          modality: "MR",
          bodyRegion: "Rachis lombaire",
          clinicalQuestion: "Compression ?",
          clinicalContext: "Lombalgie aiguë",
          patient: { familyName: "MARTIN", givenName: "Louise", birthDate: "1951-03-02", sex: "FEMALE", sitePatientId: "IPP42", ins, insStatus: "QUALIFIED" },
          contrast: { renalFunction: "IMPAIRED", egfr: 45, contrastAllergy: "UNKNOWN", pregnancy: "NOT_PREGNANT", metformin: "YES" },
        },
      },
    });
  });

  it("refuses what the form refuses (422), naming the FHIR element", () => {
    const parsed = submit(resource({ code: { coding: [{ system: DICOM_SYSTEM, code: "XX" }] }, reasonCode: [] }));
    expect(parsed).toMatchObject({ ok: false, status: 422 });
    const expressions = parsed.ok ? [] : parsed.issues.map((issue) => issue.expression);
    expect(expressions).toEqual(expect.arrayContaining(["ServiceRequest.code", "ServiceRequest.reasonCode"]));
  });

  it("refuses a proposal, a completed request and an order number with spaces", () => {
    expect(submit(resource({ intent: "proposal" }))).toMatchObject({ ok: false, status: 422, issues: [{ expression: "ServiceRequest.intent" }] });
    expect(submit(resource({ status: "completed" }))).toMatchObject({ ok: false, status: 422, issues: [{ expression: "ServiceRequest.status" }] });
    expect(submit(resource({ identifier: [{ value: "two words" }] }))).toMatchObject({ ok: false, status: 422, issues: [{ expression: "ServiceRequest.identifier" }] });
  });
});

describe("subjectOfServiceRequest", () => {
  it("tells a structural fault (400) from a missing subject (422)", () => {
    expect(subjectOfServiceRequest([])).toMatchObject({ ok: false, status: 400 });
    expect(subjectOfServiceRequest({ resourceType: "Patient" })).toMatchObject({ ok: false, status: 400 });
    expect(subjectOfServiceRequest(resource({ subject: { reference: "#nobody" } }))).toMatchObject({ ok: false, status: 400 });
    expect(subjectOfServiceRequest({ resourceType: "ServiceRequest" })).toMatchObject({ ok: false, status: 422 });
    expect(subjectOfServiceRequest(resource({ subject: { reference: "Patient/abc" } }))).toMatchObject({ ok: true, value: { subject: { kind: "reference", patientId: "abc" } } });
  });
});
