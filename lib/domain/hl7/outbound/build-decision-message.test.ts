import hl7 from "simple-hl7";
import { describe, expect, it } from "vitest";
import { buildDecisionMessage, type DecisionMessageInput } from "./build-decision-message";

// Read back with simple-hl7's parser (an independent implementation), field by field, as the
// RIS's interface engine would. The identity is the volet's example patient.

const base: DecisionMessageInput = {
  controlId: "TLR0001",
  at: new Date("2026-01-06T13:44:18Z"),
  receivingApplication: "StructureApp",
  receivingFacility: "StructureFacility",
  orderControl: "OK",
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
  radiologist: { displayName: "Dr Eric Thomas", rpps: "01234564895" },
  reason: null,
  protocol: "TDM cérébrale sans injection\nPuis angio-TDM des TSA",
};

const parse = (raw: string) => new hl7.Parser().parse(raw);

describe("the ORU^R01 of flow 3", () => {
  it("carries an acceptance with the protocol, addressed to the RIS, under the volet's profile", () => {
    const message = parse(buildDecisionMessage(base));
    expect(message.header.getComponent(7, 1)).toBe("ORU");
    expect(message.header.getField(7)).toBe("ORU^R01^ORU_R01");
    expect([message.header.getField(3), message.header.getField(4), message.header.getField(8)]).toEqual(["StructureApp", "StructureFacility", "TLR0001"]);
    expect([message.header.getField(10), message.header.getField(15), message.header.getField(19)]).toEqual(["2.5.1", "FRA", "1.0^CISIS_TLR_HL7_V2"]);
    expect(message.segments.map((segment: { name: string }) => segment.name)).toEqual(["PID", "ORC", "OBR", "OBX"]);

    const orc = message.getSegment("ORC");
    expect(orc.getField(1)).toBe("OK");
    expect(orc.getField(2)).toBe("OPN101");
    expect(orc.getField(3)).toBe("TR00000042^TELERADIO");
    expect(orc.getField(12)).toBe("801234564895^Dr Eric Thomas^^^^^^ASIP-SANTE-PS&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS");
    expect(orc.getField(16)).toBe("");
    expect(orc.getField(17)).toBe("PLATEFORME_TLR^^TLR_TYPE_ORGANISATION");

    const obr = message.getSegment("OBR");
    expect(obr.getField(2)).toBe("OPN101");
    expect(obr.getComponent(4, 1)).toBe("REPONSE_DEMANDE");
    expect(obr.getComponent(4, 3)).toBe("TLR_OBR_PROCEDURE");
    expect(obr.getField(16)).toBe(orc.getField(12));

    const obx = message.getSegment("OBX");
    expect([obx.getField(2), obx.getComponent(3, 1), obx.getComponent(3, 3), obx.getField(11)]).toEqual(["FT", "PROTOCOLE_IMAGERIE", "TLR_OBSERVATION", "F"]);
    expect(obx.getField(5)).toBe("TDM cérébrale sans injection\\.br\\Puis angio-TDM des TSA");
  });

  it("gives a qualified identity's INS with PID-32, beside the IPP and its assigning authority", () => {
    const pid = parse(buildDecisionMessage(base)).getSegment("PID");
    expect(pid.getField(3, 1)).toBe("405660^^^AUT-AFFECTATION&1204567809&M^PI");
    expect(pid.getField(3, 2)).toBe("279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS");
    expect(pid.getField(5)).toBe("PAT-TROIS^DOMINIQUE^^^^^L");
    expect([pid.getField(7), pid.getField(8), pid.getField(32)]).toEqual(["19790328", "F", "QUAL"]);
  });

  it("never sends the INS of an identity that is not qualified, but says its status", () => {
    const pid = parse(buildDecisionMessage({ ...base, patient: { ...base.patient, insStatus: "VALIDATED" } })).getSegment("PID");
    expect(pid.getField(3)).toBe("405660^^^AUT-AFFECTATION&1204567809&M^PI");
    expect(pid.getField(32)).toBe("VALI");
    const unknown = parse(buildDecisionMessage({ ...base, patient: { ...base.patient, insStatus: null } })).getSegment("PID");
    expect(unknown.getField(3)).not.toContain("279035121518989");
    expect(unknown.getField(32)).toBe("");
  });

  it("carries a refusal as OC with its reason and no protocol", () => {
    const message = parse(buildDecisionMessage({ ...base, orderControl: "OC", reason: "Indication non retenue | IRM préférable", protocol: null }));
    expect(message.segments.map((segment: { name: string }) => segment.name)).toEqual(["PID", "ORC", "OBR"]);
    const orc = message.getSegment("ORC");
    expect(orc.getField(1)).toBe("OC");
    expect(orc.getComponent(16, 2)).toBe("Indication non retenue \\F\\ IRM préférable");
  });

  it("escapes what the site typed so that no field moves", () => {
    const message = parse(buildDecisionMessage({ ...base, placerOrderNumber: "A|B", patient: { ...base.patient, familyName: "O^BRIEN", sitePatientIdIssuer: "HOP" }, radiologist: { displayName: "Dr X", rpps: null } }));
    expect(message.getSegment("ORC").getField(2)).toBe("A\\F\\B");
    expect(message.getSegment("ORC").getField(12)).toBe("^Dr X");
    expect(message.getSegment("PID").getField(5)).toBe("O\\S\\BRIEN^DOMINIQUE^^^^^L");
    expect(message.getSegment("PID").getField(3, 1)).toBe("405660^^^HOP^PI");
  });
});
