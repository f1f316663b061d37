import { Message } from "node-hl7-client";

// What the RIS's acknowledgement says about one of our messages. Original mode AA, and the
// enhanced mode's commit accept CA, release the platform; AE/AR (and CE/CR) mean the RIS read
// the message and refused it: not retried. Anything else is not an answer to this message.

export type AckOutcome =
  | { kind: "ACCEPTED"; code: string }
  | { kind: "REFUSED"; code: string; errorText: string }
  | { kind: "NOT_AN_ACK"; problem: string };

export function readAck(raw: string, expectedControlId: string): AckOutcome {
  let message: Message;
  try {
    message = new Message({ text: raw.replace(/\n/g, "\r").trim() });
  } catch (error) {
    return { kind: "NOT_AN_ACK", problem: `unreadable answer: ${error instanceof Error ? error.message : String(error)}` };
  }
  const code = message.get("MSA.1").toString().trim().toUpperCase();
  const controlId = message.get("MSA.2").toString().trim();
  if (!code) return { kind: "NOT_AN_ACK", problem: "answer without MSA-1" };
  if (controlId !== expectedControlId) return { kind: "NOT_AN_ACK", problem: `MSA-2 "${controlId}" does not name message ${expectedControlId}` };
  if (code === "AA" || code === "CA") return { kind: "ACCEPTED", code };
  if (code === "AE" || code === "AR" || code === "CE" || code === "CR") return { kind: "REFUSED", code, errorText: errorTextOf(message, code) };
  return { kind: "NOT_AN_ACK", problem: `unknown MSA-1 "${code}"` };
}

/** ERR-8 (user message), else ERR-3.2 with its location ERR-2, else MSA-3 (2.4 and earlier). */
function errorTextOf(message: Message, code: string): string {
  const userMessage = message.get("ERR.8").toString().trim();
  const condition = message.get("ERR.3.2").toString().trim() || message.get("ERR.3.1").toString().trim();
  const location = [1, 2, 3].map((i) => message.get(`ERR.2.${i}`).toString().trim()).filter(Boolean).join("-");
  const legacy = message.get("MSA.3").toString().trim();
  const parts = [userMessage || condition, location && `(${location})`].filter(Boolean).join(" ");
  return (parts || legacy || `${code} without an error text`).slice(0, 2000);
}
