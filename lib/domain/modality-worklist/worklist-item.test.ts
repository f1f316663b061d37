import { describe, expect, it } from "vitest";
import { withInsKey } from "../ins-key";
import { NIA_OID, NIR_OID, insIssuerOid } from "./ins-issuer";
import { fitText, localDicomDateTime, studyInstanceUidOf, type WorklistSource, worklistItem } from "./worklist-item";

const INS = withInsKey("2500375123456");

function source(overrides: Partial<WorklistSource> = {}): WorklistSource {
  return {
    requestId: "0b8f3a52-6f1e-4c3a-9d0e-1f2a3b4c5d6e",
    patientFamilyName: "DÜPONT",
    patientGivenName: "Hélène",
    patientBirthDate: "1950-03-02",
    patientSex: "FEMALE",
    sitePatientId: "IPP123",
    sitePatientIdIssuer: "CHV",
    patientIns: INS,
    patientInsStatus: "QUALIFIED",
    accessionNumber: "TR00000042",
    siteAccessionNumber: null,
    modality: "CT",
    bodyRegion: "Encéphale",
    proposedExam: null,
    priority: "VITAL",
    referringPhysician: "Dr Jean Martin",
    protocol: { code: "TDM-CER", label: "TDM cérébrale sans injection", modality: "CT", text: null, contrast: false },
    scheduledAt: new Date("2026-07-01T08:30:00Z"),
    ...overrides,
  };
}

describe("a worklist item", () => {
  it("carries the identity, the accession number, the protocol as the step and the priority", () => {
    const { dataset } = worklistItem(source(), "CT_URG");
    expect(dataset).toMatchObject({
      PatientName: [{ Alphabetic: "DÜPONT^Hélène" }],
      PatientID: "IPP123",
      IssuerOfPatientID: "CHV",
      PatientBirthDate: "19500302",
      PatientSex: "F",
      AccessionNumber: "TR00000042",
      RequestedProcedureID: "TR00000042",
      RequestedProcedureDescription: "CT Encéphale",
      RequestedProcedurePriority: "STAT",
      ReferringPhysicianName: [{ Alphabetic: "Dr Jean Martin" }],
      StudyInstanceUID: studyInstanceUidOf("0b8f3a52-6f1e-4c3a-9d0e-1f2a3b4c5d6e"),
    });
    expect(dataset.ScheduledProcedureStepSequence).toEqual([
      expect.objectContaining({
        ScheduledStationAETitle: "CT_URG",
        Modality: "CT",
        // Summer time in Paris: UTC+2.
        ScheduledProcedureStepStartDate: "20260701",
        ScheduledProcedureStepStartTime: "103000",
        ScheduledProcedureStepDescription: "TDM cérébrale sans injection",
        ScheduledProcedureStepID: "TR00000042",
        ScheduledProtocolCodeSequence: [{ CodeValue: "TDM-CER", CodingSchemeDesignator: "99TELERADIO", CodeMeaning: "TDM cérébrale sans injection" }],
      }),
    ]);
  });

  it("carries the INS, with its OID, only for a qualified identity", () => {
    expect(worklistItem(source(), "X").dataset.OtherPatientIDsSequence).toEqual([
      { PatientID: INS, IssuerOfPatientID: NIR_OID, TypeOfPatientID: "TEXT", IssuerOfPatientIDQualifiersSequence: [{ UniversalEntityID: NIR_OID, UniversalEntityIDType: "ISO" }] },
    ]);
    for (const status of ["PROVISIONAL", "RETRIEVED", "VALIDATED", null] as const) {
      const { dataset } = worklistItem(source({ patientInsStatus: status }), "X");
      expect(dataset.OtherPatientIDsSequence).toEqual([]);
      expect(JSON.stringify(dataset)).not.toContain(INS);
    }
  });

  it("uses the site's accession number when its RIS gave one, and the written protocol when there is no catalogue item", () => {
    const { dataset } = worklistItem(source({ siteAccessionNumber: "RIS778", protocol: { code: null, label: null, modality: null, text: "Angio-TDM des troncs supra-aortiques", contrast: true } }), "X");
    expect(dataset.AccessionNumber).toBe("RIS778");
    expect(dataset.ScheduledProcedureStepSequence).toEqual([
      expect.objectContaining({ ScheduledProcedureStepDescription: "Angio-TDM des troncs supra-aortiques", ScheduledProtocolCodeSequence: [], RequestedContrastAgent: "Injection prévue" }),
    ]);
  });

  it("gives one Study Instance UID per request, always the same, a valid UID", () => {
    const uid = studyInstanceUidOf("0b8f3a52-6f1e-4c3a-9d0e-1f2a3b4c5d6e");
    expect(uid).toBe(studyInstanceUidOf("0b8f3a52-6f1e-4c3a-9d0e-1f2a3b4c5d6e"));
    expect(uid).not.toBe(studyInstanceUidOf("0b8f3a52-6f1e-4c3a-9d0e-1f2a3b4c5d6f"));
    expect(uid).toMatch(/^2\.25\.[1-9]\d*$/);
    expect(uid.length).toBeLessThanOrEqual(64);
  });

  it("cuts long texts to the VR's length and writes local times in winter too", () => {
    expect([...fitText("x".repeat(100), 64)]).toHaveLength(64);
    expect(fitText("a\\b\r\nc", 64)).toBe("a b c");
    expect(localDicomDateTime(new Date("2026-01-15T23:30:00Z"))).toEqual({ date: "20260116", time: "003000" });
  });

  it("names the INS issuer NIR or NIA by the first digit", () => {
    expect(insIssuerOid(INS)).toBe(NIR_OID);
    expect(insIssuerOid(withInsKey("7500375123456"))).toBe(NIA_OID);
  });
});
