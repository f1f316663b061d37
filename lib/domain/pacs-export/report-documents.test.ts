import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDecodedDataset } from "@/lib/dicom/parse-instance";
import { buildBasicTextSr } from "./build-basic-text-sr";
import { buildEncapsulatedPdf } from "./build-encapsulated-pdf";
import { BASIC_TEXT_SR_STORAGE, ENCAPSULATED_PDF_STORAGE, type ReportDocumentInput } from "./report-document-input";
import { readReportPart10, writeReportPart10 } from "./write-report-part10";

// The documents written as Part 10 and read back (dcmjs), then checked by DCMTK (dsrdump, dcmdump):
// what a PACS receives carries the study's identity as the PACS has it, the UIDs generated when
// queued, the PDF's bytes and the report's text.

const input: ReportDocumentInput = {
  study: {
    studyInstanceUid: "1.2.826.0.1.3680043.8.498.1",
    patientName: "DUPONT^Hélène",
    patientId: "IPP123",
    issuerOfPatientId: "CHU-X",
    patientBirthDate: "19600102",
    patientSex: "F",
    studyDate: "20261207",
    studyTime: "101500",
    accessionNumber: "ACC42",
    studyId: "7",
    studyDescription: "TDM CRANE",
    referringPhysicianName: "MARTIN^Paul",
  },
  seriesInstanceUid: "2.25.1001",
  sopInstanceUid: "2.25.1002",
  sequence: 1,
  title: "Compte rendu — TDM cérébrale sans injection",
  signedAt: new Date("2026-12-07T14:30:05Z"),
  signer: { name: "Dr Éric Thomas", rpps: "10001234567" },
  institutionName: "Plateforme de téléradiologie",
  predecessor: { studyInstanceUid: "1.2.826.0.1.3680043.8.498.1", seriesInstanceUid: "2.25.9001", sopInstanceUid: "2.25.9002", sopClassUid: BASIC_TEXT_SR_STORAGE },
};

const dir = mkdtempSync(path.join(tmpdir(), "report-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the report as DICOM documents", () => {
  it("encapsulates the PDF under the study as the PACS knows it, with its exact bytes", () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\nodd length!");
    const back = readReportPart10(writeReportPart10(buildEncapsulatedPdf(input, pdf)));
    expect(back).toMatchObject({
      SOPClassUID: ENCAPSULATED_PDF_STORAGE,
      SOPInstanceUID: "2.25.1002",
      SeriesInstanceUID: "2.25.1001",
      StudyInstanceUID: "1.2.826.0.1.3680043.8.498.1",
      PatientID: "IPP123",
      IssuerOfPatientID: "CHU-X",
      PatientBirthDate: "19600102",
      PatientSex: "F",
      AccessionNumber: "ACC42",
      StudyID: "7",
      Modality: "DOC",
      SeriesNumber: 9002,
      InstanceNumber: 1,
      BurnedInAnnotation: "YES",
      MIMETypeOfEncapsulatedDocument: "application/pdf",
      EncapsulatedDocumentLength: pdf.byteLength,
      ContentDate: "20261207",
      ContentTime: "153005",
      SpecificCharacterSet: "ISO_IR 192",
    });
    expect(back.PatientName).toEqual([{ Alphabetic: "DUPONT^Hélène" }]);
    expect((back.ConceptNameCodeSequence as object[])[0]).toMatchObject({ CodeValue: "18748-4", CodingSchemeDesignator: "LN" });
    const document = new Uint8Array((back.EncapsulatedDocument as ArrayBuffer[])[0]!);
    expect(Buffer.from(document.subarray(0, pdf.byteLength)).equals(Buffer.from(pdf))).toBe(true);
    expect(document.byteLength - pdf.byteLength).toBeLessThanOrEqual(1);
  });

  it("writes a Basic Text SR with the sections, the conclusion, the signer and the predecessor, which DCMTK reads as valid", () => {
    const sr = buildBasicTextSr(input, { sections: ["Technique\nAcquisition hélicoïdale.", "Résultats\nPas d'hémorragie."], conclusion: "Examen normal.", statement: "Acte réalisé par téléradiologie." });
    const bytes = writeReportPart10(sr);
    const back = readReportPart10(bytes);
    expect(back).toMatchObject({ SOPClassUID: BASIC_TEXT_SR_STORAGE, Modality: "SR", CompletionFlag: "COMPLETE", VerificationFlag: "VERIFIED", ValueType: "CONTAINER", PatientID: "IPP123" });
    const observer = (back.VerifyingObserverSequence as Record<string, unknown>[])[0]!;
    expect(observer.VerificationDateTime).toBe("20261207153005");
    expect((observer.VerifyingObserverIdentificationCodeSequence as Record<string, unknown>[])[0]).toMatchObject({ CodeValue: "10001234567", CodingSchemeDesignator: "RPPS" });
    const predecessor = (back.PredecessorDocumentsSequence as Record<string, unknown>[])[0]!;
    expect(JSON.stringify(predecessor)).toContain("2.25.9002");
    // The product's own reader: each sequence item inherits the UTF-8 of the data set (dcmjs reads items as Latin-1).
    const content = readDecodedDataset(bytes).metadata["0040A730"]?.Value as { "0040A040": { Value: string[] }; "0040A160"?: { Value: string[] } }[];
    const texts = content.filter((item) => item["0040A040"].Value[0] === "TEXT").map((item) => item["0040A160"]?.Value[0]);
    expect(texts).toEqual(["Technique\r\nAcquisition hélicoïdale.", "Résultats\r\nPas d'hémorragie.", "Examen normal.", "Acte réalisé par téléradiologie."]);

    const file = path.join(dir, "sr.dcm");
    writeFileSync(file, bytes);
    // dsrdump exits non-zero, with "E:" lines, on an SR whose IOD or content tree it cannot read.
    const dump = spawnSync("dsrdump", ["-v", "+U8", "+Pl", "+Pc", file], { encoding: "utf8" });
    expect(dump.status).toBe(0);
    expect(dump.stderr).not.toMatch(/^E:/m);
    expect(dump.stdout).toContain("Basic Text SR Document");
    expect(dump.stdout).toContain("Patient             : DUPONT^Hélène (F, 1960-01-02, #IPP123:CHU-X)");
    expect(dump.stdout).toMatch(/Completion Flag\s+: COMPLETE/);
    expect(dump.stdout).toMatch(/Verification Flag\s+: VERIFIED/);
    expect(dump.stdout).toMatch(/Verifying Observers : 2026-12-07 15:30:05, Dr Éric Thomas \(10001234567,RPPS,/);
    expect(dump.stdout).toMatch(/Predecessor Docs\s+: 1/);
    expect(dump.stdout).toContain('<CONTAINER:(18748-4,LN,"Diagnostic imaging study")=SEPARATE>');
    expect(dump.stdout).toContain('<contains TEXT:(121077,DCM,"Conclusion")="Examen normal.">');
  });

  it("leaves the verifying observer's identifier empty for a signer without an RPPS, and an original without predecessor", () => {
    const sr = buildBasicTextSr({ ...input, predecessor: null, signer: { name: "Dr X", rpps: null } }, { sections: ["A\nB"], conclusion: "C", statement: null });
    const back = readReportPart10(writeReportPart10(sr));
    expect(back.PredecessorDocumentsSequence).toBeUndefined();
    expect((back.VerifyingObserverSequence as Record<string, unknown>[])[0]!.VerifyingObserverIdentificationCodeSequence ?? []).toEqual([]);
  });
});
