import { DCM, MODALITY_NAMES } from "./cda-codes";
import { PRODUCT_ACCESSION_OID, PRODUCT_ORDER_OID, siteAccessionOid, siteOid, sitePlacerOrderOid } from "./cda-identifiers";
import type { CdaInput } from "./cda-input";
import { radiologistEntity } from "./cda-participants";
import { cdaTimestamp } from "./hl7-ts";
import { xmlAttr, xmlText } from "./xml-escape";

// What the document answers (the order and its Accession Number), what it documents (the
// imaging study, by its Study Instance UID) and where care took place (the requesting site).

/**
 * inFulfillmentOf/order: the order id (the RIS's placer order number, or the product's request
 * id for a request made in the product's form) and the Accession Number as DICOM PS3.20 carries
 * it, so that the DMP links the report to the images the site's PACS holds.
 */
export function cdaInFulfillmentOf(input: CdaInput): string {
  const { order, site } = input;
  const orderId = order.placerOrderNumber
    ? `<id root="${sitePlacerOrderOid(site.code)}" extension="${xmlAttr(order.placerOrderNumber)}"/>`
    : `<id root="${PRODUCT_ORDER_OID}" extension="${xmlAttr(order.requestId)}"/>`;
  // The site's own accession number when its RIS gave one (what its PACS indexes), else the product's.
  const accession = order.siteAccessionNumber
    ? `<ps3-20:accessionNumber root="${siteAccessionOid(site.code)}" extension="${xmlAttr(order.siteAccessionNumber)}"/>`
    : `<ps3-20:accessionNumber root="${PRODUCT_ACCESSION_OID}" extension="${xmlAttr(order.accessionNumber)}"/>`;
  return `<inFulfillmentOf><order>${orderId}${accession}</order></inFulfillmentOf>`;
}

function examTime(input: CdaInput): string {
  const at = input.exam.performedAt;
  return at ? `<effectiveTime><low value="${cdaTimestamp(at)}"/></effectiveTime>` : `<effectiveTime nullFlavor="UNK"/>`;
}

/**
 * documentationOf/serviceEvent, one per linked study: id = the Study Instance UID (as root), the
 * act with the modality as the CI-SIS translation (the product codes acts by template, not by
 * LOINC or CCAM: the exam's wording goes in originalText), the exam time and the radiologist.
 */
export function cdaDocumentationOf(input: CdaInput): string {
  const { exam } = input;
  const modality = `<translation code="${exam.modality}" displayName="${xmlAttr(MODALITY_NAMES[exam.modality])}" codeSystem="${DCM}" codeSystemName="DCM"><qualifier><name code="121139" displayName="Modalité d'imagerie" codeSystem="${DCM}" codeSystemName="DCM"/></qualifier></translation>`;
  const code = `<code nullFlavor="OTH"><originalText>${xmlText(exam.examTitle)}</originalText>${modality}</code>`;
  const performer = `<performer typeCode="PRF"><assignedEntity>\n${radiologistEntity(input)}\n</assignedEntity></performer>`;
  const uids = exam.studyInstanceUids.length > 0 ? exam.studyInstanceUids : [null];
  return uids
    .map((uid) => {
      const id = uid ? `<id root="${xmlAttr(uid)}"/>` : "";
      return `<documentationOf><serviceEvent classCode="ACT">${id}\n${code}\n${examTime(input)}\n${performer}</serviceEvent></documentationOf>`;
    })
    .join("\n");
}

/** componentOf/encompassingEncounter: the care took place at the requesting site. */
export function cdaComponentOf(input: CdaInput): string {
  const { site } = input;
  const at = input.exam.performedAt ?? input.document.signedAt;
  return [
    `<componentOf><encompassingEncounter>`,
    `<effectiveTime><low value="${cdaTimestamp(at)}"/></effectiveTime>`,
    `<location><healthCareFacility><id root="${siteOid(site.code)}"/>`,
    `<location><name>${xmlText(site.name)}</name></location>`,
    `</healthCareFacility></location>`,
    `</encompassingEncounter></componentOf>`,
  ].join("\n");
}
