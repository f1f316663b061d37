import { type Hl7Problem, HL7_ERROR_CODES as E, problem } from "./hl7-errors";
import { firstSegment, type Hl7Tree, valueOf } from "./hl7-tree";

// MSH as the listener needs it before anything else: who sent it (MSH-3/MSH-4, the registered
// RIS interface), which message it is, its control id (idempotency) and whether this product
// speaks its version. A header problem rejects the message (AR): it is not processed at all.

export type SupportedMessage = "ORM^O01" | "OMI^O23";

export interface MessageHeader {
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
  messageCode: string;
  triggerEvent: string;
  /** "ORM^O01" as stored in Hl7Message.messageType. */
  messageType: string;
  controlId: string;
  processingId: string;
  version: string;
}

export const SUPPORTED_VERSIONS = ["2.5", "2.5.1"] as const;

export function readMessageHeader(tree: Hl7Tree): MessageHeader {
  const msh = firstSegment(tree, "MSH");
  const messageCode = valueOf(msh, 9, 1).toUpperCase();
  const triggerEvent = valueOf(msh, 9, 2).toUpperCase();
  return {
    sendingApplication: valueOf(msh, 3, 1),
    sendingFacility: valueOf(msh, 4, 1),
    receivingApplication: valueOf(msh, 5, 1),
    receivingFacility: valueOf(msh, 6, 1),
    messageCode,
    triggerEvent,
    messageType: triggerEvent ? `${messageCode}^${triggerEvent}` : messageCode,
    controlId: valueOf(msh, 10, 1),
    processingId: valueOf(msh, 11, 1).toUpperCase(),
    version: valueOf(msh, 12, 1),
  };
}

/** Problems that make this product refuse to process the message at all (ACK AR). */
export function headerProblems(header: MessageHeader): Hl7Problem[] {
  if (!header.controlId) return [problem(E.REQUIRED_FIELD_MISSING, "identifiant du message (MSH-10) absent", { segment: "MSH", field: 10 })];
  if (!(SUPPORTED_VERSIONS as readonly string[]).includes(header.version)) {
    return [problem(E.UNSUPPORTED_VERSION_ID, `version HL7 « ${header.version} » non prise en charge : 2.5.1 attendue`, { segment: "MSH", field: 12 })];
  }
  if (header.processingId !== "P") {
    // A test or debugging message would create a real request: the RIS must send in production mode.
    return [problem(E.UNSUPPORTED_PROCESSING_ID, `mode de traitement « ${header.processingId} » non pris en charge : P attendu`, { segment: "MSH", field: 11 })];
  }
  if (!supportedMessage(header)) {
    if (header.messageCode !== "ORM" && header.messageCode !== "OMI") {
      return [problem(E.UNSUPPORTED_MESSAGE_TYPE, `type de message « ${header.messageCode} » non pris en charge : ORM^O01 ou OMI^O23 attendu`, { segment: "MSH", field: 9, component: 1 })];
    }
    return [problem(E.UNSUPPORTED_EVENT_CODE, `événement « ${header.messageType} » non pris en charge : ORM^O01 ou OMI^O23 attendu`, { segment: "MSH", field: 9, component: 2 })];
  }
  return [];
}

export function supportedMessage(header: MessageHeader): SupportedMessage | null {
  if (header.messageType === "ORM^O01") return "ORM^O01";
  if (header.messageType === "OMI^O23") return "OMI^O23";
  return null;
}
