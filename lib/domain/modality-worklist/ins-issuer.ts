// The assigning authority of an INS matricule, as an OID (ANS, référentiel INS): a NIR when
// the number starts with the sex digit 1 or 2, otherwise a NIA (numbers given by the INSEE
// while a NIR is awaited). DICOM carries it as the Issuer of Patient ID of the INS.

export const NIR_OID = "1.2.250.1.213.1.4.8";
export const NIA_OID = "1.2.250.1.213.1.4.9";

export function insIssuerOid(ins: string): string {
  return ins.startsWith("1") || ins.startsWith("2") ? NIR_OID : NIA_OID;
}
