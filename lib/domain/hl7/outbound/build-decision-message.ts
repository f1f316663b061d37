import { Message } from "node-hl7-client";
import type { Sex } from "../../enums";
import { insForOutgoing, insStatusCode, type InsStatus } from "../../identity/ins-status";
import { escapeHl7, joinComponents } from "../hl7-text";
import { formatHl7Date, formatHl7Instant } from "../hl7-timestamp";
import type { OutboundOrderControl } from "./order-control";

// Flow 3 of the ANS Volet Téléradiologie: ORU^R01 with the remote radiologist's decision.
// Structure and codes follow the guide's example (input/pagecontent/exemples.md, st_flux3.md):
// MSH (profile CISIS_TLR_HL7_V2), PID (PAM-FR), ORC (OK/OC, placer and filler numbers, the
// radiologist in ORC-12, the reason in ORC-16, PLATEFORME_TLR in ORC-17), OBR (REPONSE_DEMANDE)
// and, for an OK, one OBX PROTOCOLE_IMAGERIE in formatted text.

/** The platform's own MSH-3/MSH-4, and the name in ORC-21: what the RIS's MSH-5/6 of its orders name. */
export const PLATFORM_APPLICATION = "TELERADIO";
export const PLATFORM_FACILITY = "TELERADIO";
export const PLATFORM_NAME = "Plateforme de téléradiologie territoriale";

// French OIDs (ANS): national professional identifiers (RPPS as PS_IdNat) and the INS (NIR).
const PS_AUTHORITY = ["ASIP-SANTE-PS", "1.2.250.1.71.4.2.1", "ISO"] as const;
const INS_NIR_AUTHORITY = ["ASIP-SANTE-INS-NIR", "1.2.250.1.213.1.4.8", "ISO"] as const;

const SEX_CODES: Record<Sex, string> = { FEMALE: "F", MALE: "M", OTHER: "O", UNKNOWN: "U" };

export interface DecisionMessageInput {
  controlId: string;
  at: Date;
  /** MSH-5/MSH-6: what the RIS expects (RisInterface.receivingApplication/Facility). */
  receivingApplication: string | null;
  receivingFacility: string | null;
  orderControl: OutboundOrderControl;
  patient: {
    familyName: string;
    givenName: string;
    birthDate: Date;
    sex: Sex;
    sitePatientId: string;
    /** PID-3.4 as the RIS sent it: a namespace, or "namespace&OID&ISO". */
    sitePatientIdIssuer: string | null;
    ins: string | null;
    insStatus: InsStatus | null;
  };
  placerOrderNumber: string;
  /** The platform's number for the order (ORC-3/OBR-3): the request's accession number. */
  fillerOrderNumber: string;
  radiologist: { displayName: string; rpps: string | null } | null;
  /** OC: the refusal or cancellation reason, free text (ORC-16.2). */
  reason: string | null;
  /** OK: the protocol as the radiographer reads it (OBX-5, FT). */
  protocol: string | null;
  /** MSH-3/MSH-4 and the filler's namespace: the name the platform answers to (HL7_APPLICATION), the same as in its ACKs. */
  platformApplication?: string;
}

/** The message as sent: segments separated by CR, values escaped. */
export function buildDecisionMessage(input: DecisionMessageInput): string {
  const message = new Message({ messageHeader: { msh_9_1: "ORU", msh_9_2: "R01", msh_9_3: "ORU_R01", msh_10: input.controlId, msh_11_1: "P" } as never });
  const platform = input.platformApplication ?? PLATFORM_APPLICATION;
  message.set("MSH.3", escapeHl7(platform));
  message.set("MSH.4", escapeHl7(input.platformApplication ?? PLATFORM_FACILITY));
  message.set("MSH.5", escapeHl7(input.receivingApplication ?? ""));
  message.set("MSH.6", escapeHl7(input.receivingFacility ?? ""));
  message.set("MSH.7", formatHl7Instant(input.at, "UTC"));
  message.set("MSH.12", "2.5.1");
  message.set("MSH.17", "FRA");
  message.set("MSH.18", "UNICODE UTF-8");
  message.set("MSH.21", "1.0^CISIS_TLR_HL7_V2");

  const pid = message.addSegment("PID");
  pid.set("PID.1", "1");
  pid.set("PID.3", patientIdentifiers(input.patient));
  // "L": the legal (birth) name, as in the volet's example.
  pid.set("PID.5", `${joinComponents([input.patient.familyName, input.patient.givenName])}^^^^^L`);
  pid.set("PID.7", formatHl7Date(input.patient.birthDate));
  pid.set("PID.8", SEX_CODES[input.patient.sex]);
  if (input.patient.insStatus) pid.set("PID.32", insStatusCode(input.patient.insStatus));

  const radiologist = provider(input.radiologist);
  const orc = message.addSegment("ORC");
  orc.set("ORC.1", input.orderControl);
  orc.set("ORC.2", escapeHl7(input.placerOrderNumber));
  orc.set("ORC.3", joinComponents([input.fillerOrderNumber, input.platformApplication ?? PLATFORM_APPLICATION]));
  orc.set("ORC.9", formatHl7Instant(input.at, "UTC"));
  if (radiologist) orc.set("ORC.12", radiologist);
  if (input.orderControl === "OC" && input.reason?.trim()) orc.set("ORC.16", `^${escapeHl7(input.reason.trim())}`);
  orc.set("ORC.17", "PLATEFORME_TLR^^TLR_TYPE_ORGANISATION");
  orc.set("ORC.21", escapeHl7(PLATFORM_NAME));

  const obr = message.addSegment("OBR");
  obr.set("OBR.1", "1");
  obr.set("OBR.2", escapeHl7(input.placerOrderNumber));
  obr.set("OBR.3", joinComponents([input.fillerOrderNumber, input.platformApplication ?? PLATFORM_APPLICATION]));
  obr.set("OBR.4", `REPONSE_DEMANDE^${escapeHl7("Réponse à une demande d’examen d'imagerie")}^TLR_OBR_PROCEDURE`);
  if (radiologist) obr.set("OBR.16", radiologist);

  if (input.orderControl === "OK") {
    const obx = message.addSegment("OBX");
    obx.set("OBX.1", "1");
    obx.set("OBX.2", "FT");
    obx.set("OBX.3", `PROTOCOLE_IMAGERIE^${escapeHl7("Protocole d'imagerie médicale")}^TLR_OBSERVATION`);
    obx.set("OBX.5", escapeHl7(input.protocol ?? "", { formatted: true }));
    obx.set("OBX.11", "F");
  }
  return message.toString();
}

/** PID-3: the site's IPP (PI) and, for a qualified identity only, the INS. */
function patientIdentifiers(patient: DecisionMessageInput["patient"]): string {
  const issuer = patient.sitePatientIdIssuer ? joinComponents(patient.sitePatientIdIssuer.split("&"), "&") : "";
  const ipp = `${escapeHl7(patient.sitePatientId)}^^^${issuer}^PI`;
  const ins = insForOutgoing({ patientIns: patient.ins, patientInsStatus: patient.insStatus });
  return ins ? `${ipp}~${escapeHl7(ins)}^^^${joinComponents(INS_NIR_AUTHORITY, "&")}^INS` : ipp;
}

/** XCN of the radiologist: PS_IdNat (8 + RPPS) when known, the name they practise under. */
function provider(radiologist: DecisionMessageInput["radiologist"]): string | null {
  if (!radiologist) return null;
  const id = radiologist.rpps ? `8${radiologist.rpps}` : "";
  const authority = radiologist.rpps ? `^^^^^^${joinComponents(PS_AUTHORITY, "&")}^D^^^IDNPS` : "";
  return `${escapeHl7(id)}^${escapeHl7(radiologist.displayName)}${authority}`;
}
