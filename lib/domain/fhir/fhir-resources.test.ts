import { describe, expect, it } from "vitest";
import { REQUEST_STATUSES } from "../enums";
import { withInsKey } from "../ins-key";
import { requestStatusesFor, serviceRequestStatusOf, taskStatusOf } from "./fhir-codes";
import { dicomDateTime, toDiagnosticReport, toPatient, toServiceRequest, toTask, type RequestRow } from "./fhir-resources";
import { patientIdOf } from "./patient-id";

const ins = withInsKey("2510399123456");
const row: RequestRow = {
  id: "7d6c4f8e-1111-4222-8333-944455556666",
  siteId: "0c0c0c0c-1111-4222-8333-944455556666",
  sitePatientId: "IPP42",
  sitePatientIdIssuer: "1.2.250.1.999.1.1",
  patientFamilyName: "Martin",
  patientGivenName: "Louise",
  patientBirthDate: new Date("1951-03-02T00:00:00Z"),
  patientSex: "FEMALE",
  patientIns: ins,
  patientInsStatus: "VALIDATED",
  status: "IN_READING",
  priority: "VITAL",
  modality: "CT",
  bodyRegion: "Encéphale",
  clinicalContext: "Chute",
  clinicalQuestion: "Hémorragie ?",
  requestedTechnique: null,
  accessionNumber: "TR00000042",
  placerOrderNumber: "EHR-1",
  submittedAt: new Date("2026-12-07T08:00:00Z"),
  updatedAt: new Date("2026-12-07T09:00:00Z"),
  requester: { id: "r", displayName: "Dr Urgences", rpps: "10000000001" },
  holder: { id: "h", displayName: "Dr Radio", rpps: null },
};

describe("patientIdOf", () => {
  it("is stable per site and IPP, differs between sites, and hides the IPP", () => {
    expect(patientIdOf("site-a", "IPP42")).toBe(patientIdOf("site-a", "IPP42"));
    expect(patientIdOf("site-a", "IPP42")).not.toBe(patientIdOf("site-b", "IPP42"));
    expect(patientIdOf("site-a", "IPP42")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("toPatient", () => {
  it("carries the IPP with its issuer, and the INS only for a qualified identity", () => {
    const validated = toPatient(row);
    expect(validated.identifier).toEqual([expect.objectContaining({ system: "urn:oid:1.2.250.1.999.1.1", value: "IPP42" })]);
    expect(validated).toMatchObject({ id: patientIdOf(row.siteId, "IPP42"), gender: "female", birthDate: "1951-03-02", name: [{ family: "Martin", given: ["Louise"] }] });
    const qualified = toPatient({ ...row, patientInsStatus: "QUALIFIED" });
    expect(qualified.identifier).toContainEqual(expect.objectContaining({ system: "urn:oid:1.2.250.1.213.1.4.8", value: ins }));
    expect(qualified.extension?.[0]?.valueCoding?.code).toBe("QUAL");
  });
});

describe("toServiceRequest and toTask", () => {
  it("maps priority, status, code, identifiers and people", () => {
    const resource = toServiceRequest(row);
    expect(resource).toMatchObject({ status: "active", intent: "order", priority: "stat", code: { coding: [{ code: "CT" }] }, requester: { identifier: { value: "10000000001" } } });
    expect(resource.identifier?.map((identifier) => identifier.value)).toEqual(["EHR-1", "TR00000042"]);
    const task = toTask(row, "En lecture");
    expect(task).toMatchObject({ status: "in-progress", businessStatus: { coding: [{ code: "IN_READING", display: "En lecture" }] }, owner: { display: "Dr Radio" }, lastModified: "2026-12-07T09:00:00.000Z" });
    expect(task.owner).not.toHaveProperty("identifier");
  });

  it("maps every product status, and back for searches", () => {
    for (const status of REQUEST_STATUSES) {
      expect(requestStatusesFor("ServiceRequest", serviceRequestStatusOf(status))).toContain(status);
      expect(requestStatusesFor("Task", taskStatusOf(status))).toContain(status);
    }
    expect(requestStatusesFor("ServiceRequest", "completed")).toEqual(["SIGNED", "DELIVERED", "ACKNOWLEDGED"]);
    expect(requestStatusesFor("Task", "nonsense")).toEqual([]);
  });
});

describe("toDiagnosticReport", () => {
  it("says amended for an addendum and embeds the PDF when given", () => {
    const report = toDiagnosticReport(
      { id: "v1", requestId: row.id, kind: "ADDENDUM", sequence: 1, conclusion: "Normal", signedAt: new Date("2026-12-07T10:00:00Z"), signerName: "Dr Radio", signer: { rpps: "10000000002" }, studyIds: ["s1"] },
      row,
      { url: "http://x/api/reports/v1/pdf", title: "CR.pdf", data: new Uint8Array([37, 80, 68, 70]) },
    );
    expect(report).toMatchObject({ status: "amended", issued: "2026-12-07T10:00:00.000Z", code: { coding: [{ code: "18748-4" }] }, imagingStudy: [{ reference: "ImagingStudy/s1" }] });
    expect(report.presentedForm?.[0]).toMatchObject({ contentType: "application/pdf", data: "JVBERg==", size: 4 });
  });
});

describe("dicomDateTime", () => {
  it("turns DA and TM into a FHIR dateTime, or nothing for a bad date", () => {
    // FHIR R4 wants a zone with a time: the site's wall clock is Paris time, winter and summer.
    expect(dicomDateTime("20261207", "101500.123")).toBe("2026-12-07T10:15:00+01:00");
    expect(dicomDateTime("20260704", "2330")).toBe("2026-07-04T23:30:00+02:00");
    expect(dicomDateTime("20261207", "2561")).toBe("2026-12-07");
    expect(dicomDateTime("20261207", null)).toBe("2026-12-07");
    expect(dicomDateTime("2026", "10")).toBeUndefined();
  });
});
