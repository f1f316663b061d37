import { cdaComponentOf, cdaDocumentationOf, cdaInFulfillmentOf } from "./cda-context";
import { cdaHeader, cdaRelatedDocument } from "./cda-header";
import type { CdaInput } from "./cda-input";
import { cdaAuthor, cdaCustodian, cdaLegalAuthenticator, cdaRecordTarget } from "./cda-participants";
import { cdaStructuredBody } from "./cda-sections";

// The CDA R2 imaging report (ANS CI-SIS IMG-CR-IMG, structured body) of one signed version.
// Parts follow the order of the CDA schema's ClinicalDocument sequence.

export const CDA_NAMESPACE = "urn:hl7-org:v3";
export const PS3_20_NAMESPACE = "urn:dicom-org:ps3-20";

export function buildCdaDocument(input: CdaInput): string {
  const parts = [
    cdaHeader(input),
    cdaRecordTarget(input),
    cdaAuthor(input),
    cdaCustodian(),
    cdaLegalAuthenticator(input),
    cdaInFulfillmentOf(input),
    cdaDocumentationOf(input),
    cdaRelatedDocument(input),
    cdaComponentOf(input),
    cdaStructuredBody(input),
  ].filter((part) => part !== "");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<ClinicalDocument xmlns="${CDA_NAMESPACE}" xmlns:ps3-20="${PS3_20_NAMESPACE}">`,
    ...parts,
    `</ClinicalDocument>`,
    "",
  ].join("\n");
}
