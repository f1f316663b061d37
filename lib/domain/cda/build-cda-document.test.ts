import { describe, expect, it } from "vitest";
import { parseCda } from "@/lib/testing/cda/cda-xpath";
import { buildCdaDocument } from "./build-cda-document";
import { DOCUMENT_TEMPLATE_IDS, RPPS_ROOT, SECTIONS } from "./cda-codes";
import { sampleCdaInput } from "./cda-test-input";

// CI-SIS IMG-CR-IMG constraints checkable offline (the header and body rules of the ANS
// schematrons), and the element order of the CDA R2 schema's ClinicalDocument sequence.

const SCHEMA_ORDER = [
  "realmCode", "typeId", "templateId", "id", "code", "title", "effectiveTime", "confidentialityCode", "languageCode",
  "setId", "versionNumber", "copyTime", "recordTarget", "author", "dataEnterer", "informant", "custodian",
  "informationRecipient", "legalAuthenticator", "authenticator", "participant", "inFulfillmentOf", "documentationOf",
  "relatedDocument", "authorization", "componentOf", "component",
];

describe("the CDA R2 imaging report (CI-SIS IMG-CR-IMG)", () => {
  const cda = parseCda(buildCdaDocument(sampleCdaInput()));

  it("declares the templates, the type and the document code the CI-SIS asks for", () => {
    const roots = cda.values("/cda:ClinicalDocument/cda:templateId/@root");
    for (const root of Object.values(DOCUMENT_TEMPLATE_IDS)) expect(roots).toContain(root);
    expect(cda.values("/cda:ClinicalDocument/cda:realmCode/@code")).toEqual(["FR"]);
    expect(cda.values("/cda:ClinicalDocument/cda:typeId/@extension")).toEqual(["POCD_HD000040"]);
    expect(cda.values("/cda:ClinicalDocument/cda:code[@codeSystem='2.16.840.1.113883.6.1']/@code")).toEqual(["18748-4"]);
    expect(cda.values("/cda:ClinicalDocument/cda:confidentialityCode/@code")).toEqual(["N"]);
    expect(cda.values("/cda:ClinicalDocument/cda:languageCode/@code")).toEqual(["fr-FR"]);
    expect(cda.values("/cda:ClinicalDocument/cda:versionNumber/@value")).toEqual(["1"]);
    expect(cda.count("/cda:ClinicalDocument/cda:relatedDocument")).toBe(0);
  });

  it("keeps the header's elements in the order of the CDA schema", () => {
    const names = cda.children("/cda:ClinicalDocument");
    const positions = names.map((name) => SCHEMA_ORDER.indexOf(name));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("keeps each section's elements in the order of the CDA schema's Section sequence", () => {
    const order = ["templateId", "id", "code", "title", "text", "confidentialityCode", "languageCode", "subject", "author", "informant", "entry", "component"];
    const sections = cda.count("//cda:section");
    expect(sections).toBeGreaterThanOrEqual(7);
    for (let index = 1; index <= sections; index += 1) {
      const positions = cda.children(`(//cda:section)[${index}]`).map((name) => order.indexOf(name));
      expect(positions).not.toContain(-1);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it("names the signing radiologist by RPPS as author and legal authenticator, with the signature time", () => {
    expect(cda.values("//cda:legalAuthenticator/cda:assignedEntity/cda:id/@root")).toEqual([RPPS_ROOT]);
    expect(cda.values("//cda:legalAuthenticator/cda:assignedEntity/cda:id/@extension")).toEqual(["810001234567"]);
    expect(cda.values("//cda:legalAuthenticator/cda:signatureCode/@code")).toEqual(["S"]);
    expect(cda.values("//cda:legalAuthenticator/cda:time/@value")).toEqual(["20260108111700+0100"]);
    expect(cda.values("/cda:ClinicalDocument/cda:author/cda:assignedAuthor/cda:id/@extension")).toEqual(["810001234567"]);
  });

  it("carries the order id, the Accession Number and the Study Instance UID where the CI-SIS puts them", () => {
    expect(cda.values("//cda:inFulfillmentOf/cda:order/cda:id/@extension")).toEqual(["CMD-42"]);
    expect(cda.values("//cda:inFulfillmentOf/cda:order/ps3-20:accessionNumber/@extension")).toEqual(["TR00000042"]);
    expect(cda.values("//cda:documentationOf/cda:serviceEvent/cda:id/@root")).toEqual(["1.2.250.1.3.152.235.2.12.187636474"]);
    expect(cda.count("//cda:documentationOf/cda:serviceEvent/cda:code/cda:translation")).toBeGreaterThanOrEqual(1);
    expect(cda.values("//cda:documentationOf/cda:serviceEvent/cda:effectiveTime/cda:low/@value")).toEqual(["20260108102500+0100"]);
  });

  it("puts the narrative in the sections the template names, each with its code", () => {
    const body = "/cda:ClinicalDocument/cda:component/cda:structuredBody/cda:component/cda:section";
    const codeOf = (root: string) => cda.values(`//cda:section[cda:templateId/@root='${root}']/cda:code/@code`);
    for (const kind of [SECTIONS.clinicalInformation, SECTIONS.request, SECTIONS.medicalHistory, SECTIONS.procedure, SECTIONS.radiationExposure, SECTIONS.findings, SECTIONS.conclusion]) {
      expect(codeOf(kind.templateIds[1])).toEqual([kind.code]);
    }
    // The body rules: exactly one conclusion, at least one procedure section, no addendum in an original.
    expect(cda.count(`${body}[cda:templateId/@root='${SECTIONS.conclusion.templateIds[1]}']`)).toBe(1);
    expect(cda.count(`${body}[cda:templateId/@root='${SECTIONS.procedure.templateIds[1]}']`)).toBe(1);
    expect(cda.count(`${body}[cda:templateId/@root='${SECTIONS.addendum.templateIds[1]}']`)).toBe(0);
    expect(cda.values(`//cda:section[cda:templateId/@root='${SECTIONS.conclusion.templateIds[1]}']/cda:text`).join()).toContain("Pas de lésion hémorragique.");
    // The procedure section's coded act (FR-DICOM-Technique-imagerie) with the acquisition modality.
    const entry = `//cda:section[cda:templateId/@root='${SECTIONS.procedure.templateIds[1]}']/cda:entry/cda:procedure[cda:templateId/@root='1.2.250.1.213.1.1.3.153']`;
    expect(cda.count(`${entry}/cda:code`)).toBe(1);
    expect(cda.values(`${entry}/cda:methodCode/@code`)).toEqual(["CT"]);
    const technique = cda.values(`//cda:section[cda:templateId/@root='${SECTIONS.procedure.templateIds[1]}']/cda:text`).join();
    expect(technique).toContain("Justification de l'acte : Traumatisme crânien sous anticoagulant");
    expect(technique).toContain("850 mGy·cm");
    expect(cda.values(`//cda:section[cda:templateId/@root='${SECTIONS.radiationExposure.templateIds[1]}']/cda:text`).join()).toContain("PDL total 850 mGy.cm");
  });

  it("carries the INS of a qualified identity, with the NIR authority, besides the IPP", () => {
    expect(cda.values("//cda:recordTarget/cda:patientRole/cda:id/@root")).toContain("1.2.250.1.213.1.4.8");
    expect(cda.values("//cda:recordTarget/cda:patientRole/cda:id/@extension")).toEqual(["279035121518989", "IPP405660"]);
    expect(cda.values("//cda:patient/cda:administrativeGenderCode/@code")).toEqual(["F"]);
    expect(cda.values("//cda:patient/cda:birthTime/@value")).toEqual(["19790328"]);
  });

  it("leaves the INS out when the identity is not qualified", () => {
    const unqualified = parseCda(buildCdaDocument(sampleCdaInput({ ins: null })));
    expect(unqualified.values("//cda:recordTarget/cda:patientRole/cda:id/@extension")).toEqual(["IPP405660"]);
    expect(unqualified.values("//cda:recordTarget/cda:patientRole/cda:id/@root").filter((root) => root.startsWith("1.2.250.1.213.1.4."))).toEqual([]);
  });

  it("makes an addendum a whole new version that replaces the earlier one", () => {
    const addendum = parseCda(buildCdaDocument(sampleCdaInput({ addendum: true })));
    expect(addendum.values("/cda:ClinicalDocument/cda:relatedDocument/@typeCode")).toEqual(["RPLC"]);
    expect(addendum.values("//cda:relatedDocument/cda:parentDocument/cda:id/@root")).toEqual(["6F1C1C1E-2F7A-4D35-9A4C-0C3F7F1A0001"]);
    expect(addendum.values("/cda:ClinicalDocument/cda:setId/@root")).toEqual(cda.values("/cda:ClinicalDocument/cda:setId/@root"));
    expect(addendum.values("/cda:ClinicalDocument/cda:versionNumber/@value")).toEqual(["2"]);
    expect(addendum.values("/cda:ClinicalDocument/cda:id/@root")).not.toEqual(cda.values("/cda:ClinicalDocument/cda:id/@root"));
    const addendumText = addendum.values(`//cda:section[cda:templateId/@root='${SECTIONS.addendum.templateIds[1]}']/cda:text`).join();
    expect(addendumText).toContain("Relecture : petite lacune ancienne.");
    expect(addendum.values(`//cda:section[cda:templateId/@root='${SECTIONS.findings.templateIds[1]}']/cda:text`).join()).toContain("Pas d'hémorragie.");
  });

  it("keeps report text with markup characters as text: the document stays valid XML", () => {
    const tricky = `<script>alert("x")</script> & DLP > 500 < 900 'ok'`;
    const xml = buildCdaDocument(sampleCdaInput({ body: tricky, conclusion: `A & B <b>gras</b>` }));
    const parsed = parseCda(xml);
    expect(parsed.count("//cda:script") + parsed.count("//cda:b")).toBe(0);
    expect(parsed.values(`//cda:section[cda:templateId/@root='${SECTIONS.findings.templateIds[1]}']/cda:text`).join()).toContain(tricky);
    expect(parsed.values(`//cda:section[cda:templateId/@root='${SECTIONS.conclusion.templateIds[1]}']/cda:text`).join()).toContain("A & B <b>gras</b>");
  });

  it("gives the same bytes for the same version", () => {
    expect(buildCdaDocument(sampleCdaInput())).toBe(buildCdaDocument(sampleCdaInput()));
  });
});
