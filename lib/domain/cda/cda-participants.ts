import { PLATFORM_NAME } from "../hl7/outbound/build-decision-message";
import { insIssuerOid } from "../modality-worklist/ins-issuer";
import type { Sex } from "../enums";
import { ADMINISTRATIVE_GENDER, PROFESSION_SPECIALITY, RPPS_ROOT } from "./cda-codes";
import { ippRoot, PLATFORM_ORGANISATION_OID, PRODUCT_USER_OID } from "./cda-identifiers";
import type { CdaInput } from "./cda-input";
import { cdaDate, cdaTimestamp } from "./hl7-ts";
import { xmlAttr, xmlText } from "./xml-escape";

// Who the document is about, who wrote and signed it, and who keeps it.

const GENDER: Record<Sex, { code: string; displayName: string }> = {
  FEMALE: { code: "F", displayName: "Féminin" },
  MALE: { code: "M", displayName: "Masculin" },
  OTHER: { code: "UN", displayName: "Indéterminé" },
  UNKNOWN: { code: "UN", displayName: "Indéterminé" },
};

export function cdaRecordTarget(input: CdaInput): string {
  const { patient, site } = input;
  const gender = GENDER[patient.sex];
  // The INS is present only when the caller passed one, i.e. for a qualified identity (insForOutgoing).
  const ins = patient.ins ? `<id root="${insIssuerOid(patient.ins)}" extension="${xmlAttr(patient.ins)}"/>` : "";
  return [
    `<recordTarget><patientRole>`,
    ins,
    `<id root="${ippRoot(site, patient.sitePatientIdIssuer)}" extension="${xmlAttr(patient.sitePatientId)}"/>`,
    `<patient classCode="PSN"><name><family qualifier="BR">${xmlText(patient.familyName)}</family><given>${xmlText(patient.givenName)}</given></name>`,
    `<administrativeGenderCode code="${gender.code}" displayName="${gender.displayName}" codeSystem="${ADMINISTRATIVE_GENDER}"/>`,
    `<birthTime value="${cdaDate(patient.birthDate)}"/></patient>`,
    `</patientRole></recordTarget>`,
  ].join("\n");
}

/** The signing radiologist: RPPS ("8" + RPPS under the national PS root), speciality, name. */
export function radiologistEntity(input: CdaInput): string {
  const { signer } = input;
  const id = signer.rpps
    ? `<id root="${RPPS_ROOT}" extension="8${xmlAttr(signer.rpps)}"/>`
    : `<id root="${PRODUCT_USER_OID}" extension="${xmlAttr(signer.userId)}"/>`;
  return [
    id,
    `<code code="G15_10/SM44" displayName="Médecin - Radio-diagnostic (SM)" codeSystem="${PROFESSION_SPECIALITY}"/>`,
    `<assignedPerson><name>${xmlText(signer.name)}</name></assignedPerson>`,
    platformOrganisation("representedOrganization"),
  ].join("\n");
}

export function platformOrganisation(element: string): string {
  return `<${element}><id root="${PLATFORM_ORGANISATION_OID}"/><name>${xmlText(PLATFORM_NAME)}</name></${element}>`;
}

export function cdaAuthor(input: CdaInput): string {
  return `<author><time value="${cdaTimestamp(input.document.signedAt)}"/><assignedAuthor>\n${radiologistEntity(input)}\n</assignedAuthor></author>`;
}

/** The platform keeps the document it produced; the site's RIS deposits it in the DMP unaltered. */
export function cdaCustodian(): string {
  return [
    `<custodian><assignedCustodian><representedCustodianOrganization>`,
    `<id root="${PLATFORM_ORGANISATION_OID}"/><name>${xmlText(PLATFORM_NAME)}</name>`,
    `</representedCustodianOrganization></assignedCustodian></custodian>`,
  ].join("\n");
}

export function cdaLegalAuthenticator(input: CdaInput): string {
  return [
    `<legalAuthenticator><time value="${cdaTimestamp(input.document.signedAt)}"/><signatureCode code="S"/>`,
    `<assignedEntity>\n${radiologistEntity(input)}\n</assignedEntity></legalAuthenticator>`,
  ].join("\n");
}
