import hl7 from "simple-hl7";
import { describe, expect, it } from "vitest";
import { buildReportMessage, examTimestamp, reportExam, type ReportMessageInput } from "./build-report-message";

// Read back with simple-hl7's parser (an independent implementation), as the RIS's interface
// engine would. The identity is the volet's example patient.

const pdf = new TextEncoder().encode("%PDF-1.7\n% compte rendu\n%%EOF\n");
const FINGERPRINT = "a".repeat(64);
const PREVIOUS = "b".repeat(64);

const base: ReportMessageInput = {
  controlId: "TLR0002",
  at: new Date("2026-01-07T09:15:00Z"),
  receivingApplication: "StructureApp",
  receivingFacility: "StructureFacility",
  patient: {
    familyName: "PAT-TROIS",
    givenName: "DOMINIQUE",
    birthDate: new Date("1979-03-28T00:00:00Z"),
    sex: "FEMALE",
    sitePatientId: "405660",
    sitePatientIdIssuer: "AUT-AFFECTATION&1204567809&M",
    ins: "279035121518989",
    insStatus: "QUALIFIED",
  },
  placerOrderNumber: "OPN101",
  fillerOrderNumber: "TR00000042",
  siteAccessionNumber: "ACC7788",
  exam: { code: "TDM-CRANE", text: "TDM cérébrale sans injection" },
  examAt: "20260107083000",
  version: { kind: "ORIGINAL", narrative: "Indication : céphalées.\nRésultats : pas de saignement.", conclusion: "Examen normal.", signedAt: new Date("2026-01-07T09:14:30Z"), fingerprint: FINGERPRINT, previousFingerprint: null },
  signer: { displayName: "Dr Eric Thomas", rpps: "01234564895" },
  pdf,
};

const parse = (raw: string) => new hl7.Parser().parse(raw);
type Segment = { name: string; getField(i: number, r?: number): string; getComponent(i: number, c: number): string };
const observations = (raw: string) => (parse(raw).getSegments("OBX") as Segment[]).map((obx) => ({ code: obx.getComponent(3, 1), type: obx.getField(2), status: obx.getField(11), value: obx.getField(5) }));

describe("the signed report as ORU^R01", () => {
  it("carries the order numbers, the exam, the site's accession number and the signature, final for the original", () => {
    const message = parse(buildReportMessage(base));
    expect(message.header.getField(7)).toBe("ORU^R01^ORU_R01");
    expect([message.header.getField(3), message.header.getField(4), message.header.getField(8), message.header.getField(19)]).toEqual(["StructureApp", "StructureFacility", "TLR0002", "1.0^CISIS_TLR_HL7_V2"]);
    expect(message.segments.map((segment: { name: string }) => segment.name)).toEqual(["PID", "ORC", "OBR", "OBX", "OBX", "OBX", "OBX"]);

    const orc = message.getSegment("ORC");
    expect([orc.getField(1), orc.getField(2), orc.getField(3), orc.getField(5)]).toEqual(["RE", "OPN101", "TR00000042^TELERADIO", "CM"]);
    expect(orc.getField(12)).toBe("801234564895^Dr Eric Thomas^^^^^^ASIP-SANTE-PS&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS");

    const obr = message.getSegment("OBR");
    expect([obr.getField(2), obr.getField(3), obr.getField(4), obr.getField(7), obr.getField(18)]).toEqual(["OPN101", "TR00000042^TELERADIO", "TDM-CRANE^TDM cérébrale sans injection^L", "20260107083000", "ACC7788"]);
    expect([obr.getField(22), obr.getField(25)]).toEqual(["20260107091430+0000", "F"]);
    expect(obr.getField(32)).toBe("801234564895&Dr Eric Thomas&&&&&&&ASIP-SANTE-PS&1.2.250.1.71.4.2.1&ISO");
  });

  it("gives the narrative, the conclusion, the PDF and the fingerprint as final observations of the signer", () => {
    const raw = buildReportMessage(base);
    expect(observations(raw)).toEqual([
      { code: "COMPTE_RENDU", type: "FT", status: "F", value: "Indication : céphalées.\\.br\\Résultats : pas de saignement." },
      { code: "CONCLUSION", type: "FT", status: "F", value: "Examen normal." },
      { code: "CR_PDF", type: "ED", status: "F", value: expect.stringMatching(/^\^application\^pdf\^Base64\^/) },
      { code: "EMPREINTE_CR", type: "ST", status: "F", value: FINGERPRINT },
    ]);
    const obx = parse(raw).getSegments("OBX") as Segment[];
    expect(obx[0]!.getField(3)).toBe("COMPTE_RENDU^Compte rendu d'imagerie^TLR_OBSERVATION^18782-3^Radiology Study observation (narrative)^LN");
    expect(obx.map((segment) => segment.getField(14))).toEqual(Array(4).fill("20260107091430+0000"));
    expect(obx.map((segment) => segment.getComponent(16, 1))).toEqual(Array(4).fill("801234564895"));
    // The PDF comes back byte for byte.
    expect(new Uint8Array(Buffer.from(obx[2]!.getComponent(5, 5), "base64"))).toEqual(pdf);
  });

  it("escapes report text holding the delimiters so that no field moves", () => {
    const raw = buildReportMessage({ ...base, version: { ...base.version, narrative: "A | B ^ C ~ D \\ E & F\r\nligne 2", conclusion: "T1^T2 | ~&" } });
    const [narrative, conclusion] = observations(raw);
    expect(narrative!.value).toBe("A \\F\\ B \\S\\ C \\R\\ D \\E\\ E \\T\\ F\\.br\\ligne 2");
    expect(conclusion!.value).toBe("T1\\S\\T2 \\F\\ \\R\\\\T\\");
    expect(parse(raw).getSegments("OBX")).toHaveLength(4);
  });

  it("marks an addendum as a correction, with the fingerprint of the version it corrects", () => {
    const raw = buildReportMessage({ ...base, version: { ...base.version, kind: "ADDENDUM", previousFingerprint: PREVIOUS } });
    expect(parse(raw).getSegment("OBR").getField(25)).toBe("C");
    expect(observations(raw).map(({ code, status, value }) => [code, status, code.startsWith("EMPREINTE") ? value : ""])).toEqual([
      ["COMPTE_RENDU", "C", ""],
      ["CONCLUSION", "C", ""],
      ["CR_PDF", "C", ""],
      ["EMPREINTE_CR", "C", FINGERPRINT],
      ["EMPREINTE_CR_PRECEDENT", "C", PREVIOUS],
    ]);
  });

  it("never sends the INS of an identity that is not qualified", () => {
    for (const insStatus of ["VALIDATED", "RETRIEVED", "PROVISIONAL", null] as const) {
      const raw = buildReportMessage({ ...base, patient: { ...base.patient, insStatus } });
      expect(raw).not.toContain("279035121518989");
      expect(parse(raw).getSegment("PID").getField(3)).toBe("405660^^^AUT-AFFECTATION&1204567809&M^PI");
    }
    expect(parse(buildReportMessage(base)).getSegment("PID").getField(3, 2)).toBe("279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS");
  });

  it("adds the CDA R2 document as XML in base64 when there is one", () => {
    const cdaXml = '<?xml version="1.0" encoding="UTF-8"?><ClinicalDocument xmlns="urn:hl7-org:v3"><title>Compte rendu | ^ ~ &amp;</title></ClinicalDocument>';
    const obx = parse(buildReportMessage({ ...base, cdaXml })).getSegments("OBX") as Segment[];
    const cda = obx.find((segment) => segment.getComponent(3, 1) === "CR_CDA")!;
    expect([cda.getField(2), cda.getComponent(5, 2), cda.getComponent(5, 3), cda.getComponent(5, 4)]).toEqual(["ED", "text", "xml", "Base64"]);
    expect(Buffer.from(cda.getComponent(5, 5), "base64").toString("utf8")).toBe(cdaXml);
  });

  it("leaves out what the platform does not know: exam time, site accession number, the signer's RPPS", () => {
    const obr = parse(buildReportMessage({ ...base, examAt: null, siteAccessionNumber: null, signer: { displayName: "Dr X", rpps: null } })).getSegment("OBR");
    expect([obr.getField(7), obr.getField(18), obr.getField(32)]).toEqual(["", "", "&Dr X"]);
  });
});

describe("the exam and its time in OBR", () => {
  it("names the protocolled act, else the proposed exam, else the modality and region asked", () => {
    const request = { protocolItem: null, proposedExam: null, modality: "CT", bodyRegion: "Crâne" };
    expect(reportExam({ ...request, protocolItem: { code: "TDM-CRANE", label: "TDM cérébrale" } })).toEqual({ code: "TDM-CRANE", text: "TDM cérébrale" });
    expect(reportExam({ ...request, proposedExam: "IRM cérébrale" })).toEqual({ code: null, text: "IRM cérébrale" });
    expect(reportExam(request)).toEqual({ code: null, text: "CT Crâne" });
  });

  it("takes the post-exam instant, else the study's local date and time to the second", () => {
    expect(examTimestamp({ performedAt: new Date("2026-01-07T08:30:00Z"), studyDate: "20260101", studyTime: null })).toBe("20260107083000+0000");
    expect(examTimestamp({ performedAt: null, studyDate: "20260107", studyTime: "093012.123456" })).toBe("20260107093012");
    expect(examTimestamp({ performedAt: null, studyDate: "20260107", studyTime: "0930" })).toBe("202601070930");
    expect(examTimestamp({ performedAt: null, studyDate: "20260107", studyTime: null })).toBe("20260107");
    expect(examTimestamp({ performedAt: null, studyDate: null, studyTime: "0930" })).toBeNull();
  });
});
