import { CONFIDENTIALITY, CR_IMG_VERSION, DOCUMENT_TEMPLATE_IDS, LOINC, REPORT_DOCUMENT_CODE } from "./cda-codes";
import { uuidRoot } from "./cda-identifiers";
import type { CdaInput } from "./cda-input";
import { cdaTimestamp } from "./hl7-ts";
import { xmlAttr, xmlText } from "./xml-escape";

// The document's identity: which templates it follows, its id, type, title, time, and its place
// in the report's version set. Element order is the CDA schema's (POCD_MT000040.ClinicalDocument).

export function cdaHeader(input: CdaInput): string {
  const { document } = input;
  const ids = DOCUMENT_TEMPLATE_IDS;
  return [
    `<realmCode code="FR"/>`,
    `<typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>`,
    `<templateId root="${ids.hl7France}"/>`,
    `<templateId root="${ids.ciSis}"/>`,
    `<templateId root="${ids.dicomImagingReport}"/>`,
    `<templateId root="${ids.dicomGeneralHeader}"/>`,
    `<templateId root="${ids.dicomImagingHeader}"/>`,
    `<templateId root="${ids.crImg}" extension="${CR_IMG_VERSION}"/>`,
    `<id root="${uuidRoot(document.versionId)}"/>`,
    `<code code="${REPORT_DOCUMENT_CODE.code}" codeSystem="${LOINC}" codeSystemName="LOINC" displayName="${xmlAttr(REPORT_DOCUMENT_CODE.displayName)}"/>`,
    `<title>${xmlText(document.title)}</title>`,
    // The document is made at signature: its time is the signature's, so each build of a version is identical.
    `<effectiveTime value="${cdaTimestamp(document.signedAt)}"/>`,
    `<confidentialityCode code="N" displayName="Normal" codeSystem="${CONFIDENTIALITY}"/>`,
    `<languageCode code="fr-FR"/>`,
    `<setId root="${uuidRoot(document.setId)}"/>`,
    `<versionNumber value="${document.sequence + 1}"/>`,
  ].join("\n");
}

/** relatedDocument: an addendum replaces (RPLC) the version signed before it, which the DMP then archives. */
export function cdaRelatedDocument(input: CdaInput): string {
  const replaced = input.document.replacesVersionId;
  if (replaced === null) return "";
  return `<relatedDocument typeCode="RPLC"><parentDocument><id root="${uuidRoot(replaced)}"/></parentDocument></relatedDocument>`;
}
