import { Message } from "node-hl7-client";
import { type AckCode, errorCodeText, type Hl7Problem } from "@/lib/domain/hl7/hl7-errors";
import { escapeHl7 as escapeText } from "@/lib/domain/hl7/hl7-text";
import { formatHl7Instant } from "@/lib/domain/hl7/hl7-timestamp";

// The ACK of a received message (HL7 v2.5.1 2.9.2, original acknowledgement mode): MSH addressed
// back to the sender, MSA (code, the sender's control id) and one ERR per problem: ERR-2 where,
// ERR-3 the table 0357 code, ERR-4 severity, ERR-8 the French text. Built with node-hl7-client;
// values are escaped here because its set() writes them verbatim.

export interface AckInput {
  /** The received message's MSH-3/MSH-4 (becoming MSH-5/MSH-6), MSH-5/MSH-6 (becoming MSH-3/MSH-4), MSH-9.2 and MSH-10. */
  received: { sendingApplication: string; sendingFacility: string; receivingApplication: string; receivingFacility: string; triggerEvent: string; controlId: string };
  ackCode: AckCode;
  problems: readonly Hl7Problem[];
  /** Our own MSH-3 when the received MSH-5 was empty. */
  ownApplication: string;
  controlId: string;
  at?: Date;
}

export function buildAck(input: AckInput): string {
  const { received } = input;
  // The builder insists on a 3-letter trigger; the received one (possibly none, or odd) is set after.
  const message = new Message({ messageHeader: { msh_9_1: "ACK", msh_9_2: "O01", msh_9_3: "ACK", msh_10: input.controlId, msh_11_1: "P" } as never });
  message.set("MSH.9.2", escapeHl7(received.triggerEvent));
  message.set("MSH.3", escapeHl7(received.receivingApplication || input.ownApplication));
  message.set("MSH.4", escapeHl7(received.receivingFacility));
  message.set("MSH.5", escapeHl7(received.sendingApplication));
  message.set("MSH.6", escapeHl7(received.sendingFacility));
  message.set("MSH.7", formatHl7Instant(input.at ?? new Date()));
  message.set("MSH.12", "2.5.1");
  // UTF-8, as the volet's messages declare (MSH-18 "UNICODE UTF-8").
  message.set("MSH.18", "UNICODE UTF-8");
  const msa = message.addSegment("MSA");
  msa.set("1", input.ackCode);
  msa.set("2", escapeHl7(received.controlId));
  for (const problem of input.problems) {
    const err = message.addSegment("ERR");
    if (problem.location) {
      err.set("2.1", problem.location.segment);
      err.set("2.2", String(problem.location.sequence ?? 1));
      if (problem.location.field) err.set("2.3", String(problem.location.field));
      if (problem.location.field && problem.location.component) err.set("2.5", String(problem.location.component));
    }
    err.set("3.1", problem.code);
    err.set("3.2", escapeHl7(errorCodeText(problem.code)));
    err.set("3.3", "HL70357");
    err.set("4", "E");
    err.set("8", escapeHl7(problem.message));
  }
  return message.toString();
}

/** The last-resort ACK when building one failed: AR 207, so the sender resends later. */
export function fallbackAck(controlId: string, ownApplication: string): string {
  return `MSH|^~\\&|${escapeHl7(ownApplication)}||||${formatHl7Instant(new Date())}||ACK|${controlId}|P|2.5.1\rMSA|AR|\rERR|||207^Application internal error^HL70357|E`;
}

/** ERR-8 and the echoed values keep their line breaks as \.br\. */
function escapeHl7(text: string): string {
  return escapeText(text, { formatted: true });
}
