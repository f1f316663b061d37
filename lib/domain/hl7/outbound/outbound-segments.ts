import { Message } from "node-hl7-client";
import type { Sex } from "../../enums";
import { insForOutgoing, insStatusCode, type InsStatus } from "../../identity/ins-status";
import { escapeHl7, joinComponents } from "../hl7-text";
import { formatHl7Date, formatHl7Instant } from "../hl7-timestamp";

// The pieces every ORU^R01 the platform sends to a site's RIS shares (the decision of flow 3 and
// the signed report): the header under the volet's profile, the patient as PAM-FR wants it, the
// order numbers and the radiologist as a national professional identifier.

/** The platform's own MSH-3/MSH-4, and the name in ORC-21: what the RIS's MSH-5/6 of its orders name. */
export const PLATFORM_APPLICATION = "TELERADIO";
export const PLATFORM_FACILITY = "TELERADIO";
export const PLATFORM_NAME = "Plateforme de téléradiologie territoriale";

// French OIDs (ANS): national professional identifiers (RPPS as PS_IdNat) and the INS (NIR).
const PS_AUTHORITY = ["ASIP-SANTE-PS", "1.2.250.1.71.4.2.1", "ISO"] as const;
const INS_NIR_AUTHORITY = ["ASIP-SANTE-INS-NIR", "1.2.250.1.213.1.4.8", "ISO"] as const;

const SEX_CODES: Record<Sex, string> = { FEMALE: "F", MALE: "M", OTHER: "O", UNKNOWN: "U" };

export interface OutboundPatient {
  familyName: string;
  givenName: string;
  birthDate: Date;
  sex: Sex;
  sitePatientId: string;
  /** PID-3.4 as the RIS sent it: a namespace, or "namespace&OID&ISO". */
  sitePatientIdIssuer: string | null;
  ins: string | null;
  insStatus: InsStatus | null;
}

export interface OutboundRadiologist {
  displayName: string;
  rpps: string | null;
}

export interface OutboundHeader {
  controlId: string;
  at: Date;
  /** MSH-5/MSH-6: what the RIS expects (RisInterface.receivingApplication/Facility). */
  receivingApplication: string | null;
  receivingFacility: string | null;
  /** MSH-3/MSH-4 and the filler's namespace: the name the platform answers to (HL7_APPLICATION), the same as in its ACKs. */
  platformApplication?: string;
}

/** An ORU^R01 with its MSH (volet profile CISIS_TLR_HL7_V2, UTC timestamps) and its PID. */
export function startOruMessage(header: OutboundHeader, patient: OutboundPatient): Message {
  const message = new Message({ messageHeader: { msh_9_1: "ORU", msh_9_2: "R01", msh_9_3: "ORU_R01", msh_10: header.controlId, msh_11_1: "P" } as never });
  message.set("MSH.3", escapeHl7(header.platformApplication ?? PLATFORM_APPLICATION));
  message.set("MSH.4", escapeHl7(header.platformApplication ?? PLATFORM_FACILITY));
  message.set("MSH.5", escapeHl7(header.receivingApplication ?? ""));
  message.set("MSH.6", escapeHl7(header.receivingFacility ?? ""));
  message.set("MSH.7", formatHl7Instant(header.at, "UTC"));
  message.set("MSH.12", "2.5.1");
  message.set("MSH.17", "FRA");
  message.set("MSH.18", "UNICODE UTF-8");
  message.set("MSH.21", "1.0^CISIS_TLR_HL7_V2");

  const pid = message.addSegment("PID");
  pid.set("PID.1", "1");
  pid.set("PID.3", patientIdentifiers(patient));
  // "L": the legal (birth) name, as in the volet's example.
  pid.set("PID.5", `${joinComponents([patient.familyName, patient.givenName])}^^^^^L`);
  pid.set("PID.7", formatHl7Date(patient.birthDate));
  pid.set("PID.8", SEX_CODES[patient.sex]);
  if (patient.insStatus) pid.set("PID.32", insStatusCode(patient.insStatus));
  return message;
}

/** ORC-3/OBR-3: the platform's number for the order (EI: number, then the platform's namespace). */
export function fillerOrderNumber(accessionNumber: string, platformApplication: string | undefined): string {
  return joinComponents([accessionNumber, platformApplication ?? PLATFORM_APPLICATION]);
}

/**
 * The ORC of a platform -> RIS message: the order control, the RIS's placer number, the
 * platform's filler number, the radiologist in ORC-12 (as the volet's flow 3 does) and the
 * platform as a teleradiology organisation (ORC-17, ORC-21).
 */
export function addOrderCommon(message: Message, args: { orderControl: string; placerOrderNumber: string; fillerOrderNumber: string; at: Date; radiologist: OutboundRadiologist | null; platformApplication?: string }) {
  const orc = message.addSegment("ORC");
  orc.set("ORC.1", args.orderControl);
  orc.set("ORC.2", escapeHl7(args.placerOrderNumber));
  orc.set("ORC.3", fillerOrderNumber(args.fillerOrderNumber, args.platformApplication));
  orc.set("ORC.9", formatHl7Instant(args.at, "UTC"));
  const radiologist = radiologistXcn(args.radiologist);
  if (radiologist) orc.set("ORC.12", radiologist);
  orc.set("ORC.17", "PLATEFORME_TLR^^TLR_TYPE_ORGANISATION");
  orc.set("ORC.21", escapeHl7(PLATFORM_NAME));
  return orc;
}

/** PID-3: the site's IPP (PI) and, for a qualified identity only, the INS. */
function patientIdentifiers(patient: OutboundPatient): string {
  const issuer = patient.sitePatientIdIssuer ? joinComponents(patient.sitePatientIdIssuer.split("&"), "&") : "";
  const ipp = `${escapeHl7(patient.sitePatientId)}^^^${issuer}^PI`;
  const ins = insForOutgoing({ patientIns: patient.ins, patientInsStatus: patient.insStatus });
  return ins ? `${ipp}~${escapeHl7(ins)}^^^${joinComponents(INS_NIR_AUTHORITY, "&")}^INS` : ipp;
}

/** XCN of the radiologist: PS_IdNat (8 + RPPS) when known, the name they practise under. */
export function radiologistXcn(radiologist: OutboundRadiologist | null): string | null {
  if (!radiologist) return null;
  const id = radiologist.rpps ? `8${radiologist.rpps}` : "";
  const authority = radiologist.rpps ? `^^^^^^${joinComponents(PS_AUTHORITY, "&")}^D^^^IDNPS` : "";
  return `${escapeHl7(id)}^${escapeHl7(radiologist.displayName)}${authority}`;
}

/**
 * The same radiologist where HL7 wants an NDL (OBR-32, the principal result interpreter): its
 * first component is a CNN whose parts are subcomponents (ID & name ... & authority namespace &
 * OID & ISO), so the XCN's components move one level down.
 */
export function radiologistNdl(radiologist: OutboundRadiologist): string {
  const id = radiologist.rpps ? `8${radiologist.rpps}` : "";
  const name = [id, radiologist.displayName].map((part) => escapeHl7(part));
  const authority = radiologist.rpps ? ["", "", "", "", "", "", ...PS_AUTHORITY.map((part) => escapeHl7(part))] : [];
  return [...name, ...authority].join("&");
}
