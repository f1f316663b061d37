// Where each identifier of the CDA comes from. The product has no OID registered at a national
// authority, so its own arcs hang under a UUID-derived OID (ISO/IEC 9834-8, the "2.25" arc: any
// UUID read as an integer is an OID nobody else holds). The arcs are fixed here and documented
// in docs/interfaces-cda.md; a site's RIS that names its own assigning authority keeps its OID.

/** The product's root: 2.25 + a UUID generated once for this product. Never change it: documents already in the DMP cite it. */
export const PRODUCT_OID = "2.25.338809109400600259593773687728594209858";

/** The platform as an organisation (custodian, author's organisation). */
export const PLATFORM_ORGANISATION_OID = `${PRODUCT_OID}.0`;
/** Accession numbers the product gives ("TR" + 8 digits). */
export const PRODUCT_ACCESSION_OID = `${PRODUCT_OID}.2`;
/** Requests filed through the product's form: the request's id is the order id. */
export const PRODUCT_ORDER_OID = `${PRODUCT_OID}.3`;
/** Users without an RPPS (never expected of a signing radiologist, but the document must name someone). */
export const PRODUCT_USER_OID = `${PRODUCT_OID}.4`;

const OID = /^[0-2](\.(0|[1-9]\d*))+$/;

export function isOid(value: string): boolean {
  return value.length <= 64 && OID.test(value);
}

/**
 * A site's arc: the product's ".1." + the site code's UTF-8 bytes read as one integer, so that
 * two codes never share an arc and the arc is found again from the code alone.
 */
export function siteOid(siteCode: string): string {
  const hex = Buffer.from(siteCode, "utf8").toString("hex");
  return `${PRODUCT_OID}.1.${hex === "" ? "0" : BigInt(`0x${hex}`).toString()}`;
}

/** The IPP's root: the assigning authority the site's RIS gave when it is an OID, else the site's arc ".1". */
export function ippRoot(site: { code: string }, issuer: string | null): string {
  const given = issuer?.trim() ?? "";
  return isOid(given) ? given : `${siteOid(site.code)}.1`;
}

/** Accession numbers and placer order numbers the site's own systems gave. */
export function siteAccessionOid(siteCode: string): string {
  return `${siteOid(siteCode)}.2`;
}
export function sitePlacerOrderOid(siteCode: string): string {
  return `${siteOid(siteCode)}.3`;
}

/** A document or set id root: a UUID in upper case, which the CDA II type accepts as is. */
export function uuidRoot(uuid: string): string {
  return uuid.toUpperCase();
}
