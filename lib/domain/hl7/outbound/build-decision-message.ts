import { escapeHl7 } from "../hl7-text";
import type { OutboundOrderControl } from "./order-control";
import { addOrderCommon, fillerOrderNumber, radiologistXcn, startOruMessage, type OutboundPatient, type OutboundRadiologist } from "./outbound-segments";

// Flow 3 of the ANS Volet Téléradiologie: ORU^R01 with the remote radiologist's decision.
// Structure and codes follow the guide's example (input/pagecontent/exemples.md, st_flux3.md):
// MSH (profile CISIS_TLR_HL7_V2), PID (PAM-FR), ORC (OK/OC, placer and filler numbers, the
// radiologist in ORC-12, the reason in ORC-16, PLATEFORME_TLR in ORC-17), OBR (REPONSE_DEMANDE)
// and, for an OK, one OBX PROTOCOLE_IMAGERIE in formatted text.

export { PLATFORM_APPLICATION, PLATFORM_FACILITY, PLATFORM_NAME } from "./outbound-segments";

export interface DecisionMessageInput {
  controlId: string;
  at: Date;
  /** MSH-5/MSH-6: what the RIS expects (RisInterface.receivingApplication/Facility). */
  receivingApplication: string | null;
  receivingFacility: string | null;
  orderControl: OutboundOrderControl;
  patient: OutboundPatient;
  placerOrderNumber: string;
  /** The platform's number for the order (ORC-3/OBR-3): the request's accession number. */
  fillerOrderNumber: string;
  radiologist: OutboundRadiologist | null;
  /** OC: the refusal or cancellation reason, free text (ORC-16.2). */
  reason: string | null;
  /** OK: the protocol as the radiographer reads it (OBX-5, FT). */
  protocol: string | null;
  /** MSH-3/MSH-4 and the filler's namespace: the name the platform answers to (HL7_APPLICATION), the same as in its ACKs. */
  platformApplication?: string;
}

/** The message as sent: segments separated by CR, values escaped. */
export function buildDecisionMessage(input: DecisionMessageInput): string {
  const message = startOruMessage(input, input.patient);

  const orc = addOrderCommon(message, input);
  if (input.orderControl === "OC" && input.reason?.trim()) orc.set("ORC.16", `^${escapeHl7(input.reason.trim())}`);

  const obr = message.addSegment("OBR");
  obr.set("OBR.1", "1");
  obr.set("OBR.2", escapeHl7(input.placerOrderNumber));
  obr.set("OBR.3", fillerOrderNumber(input.fillerOrderNumber, input.platformApplication));
  obr.set("OBR.4", `REPONSE_DEMANDE^${escapeHl7("Réponse à une demande d’examen d'imagerie")}^TLR_OBR_PROCEDURE`);
  const radiologist = radiologistXcn(input.radiologist);
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
