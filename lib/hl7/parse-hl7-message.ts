import { Message } from "node-hl7-client";
import type { Hl7Field, Hl7Segment, Hl7Tree } from "@/lib/domain/hl7/hl7-tree";

// The one place the HL7 parser (node-hl7-client) is called for received messages: it splits the
// text with the delimiters MSH-1/MSH-2 declare and unescapes values; the result is plain data
// (lib/domain/hl7/hl7-tree.ts) so the mapping rules never depend on the library's node API.

export class Hl7ParseError extends Error {}

/** Segment names are three upper-case letters or digits (Z-segments included). */
const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;

export function parseHl7Message(text: string): Hl7Tree {
  // Segments end with CR; senders on other systems sometimes use LF or CRLF.
  const normalized = text.replace(/\r\n|\n/g, "\r").replace(/\r+$/, "");
  if (!normalized.startsWith("MSH") || normalized.length < 8) throw new Hl7ParseError("le message ne commence pas par un segment MSH");
  let message: Message;
  try {
    message = new Message({ text: normalized });
  } catch (error) {
    throw new Hl7ParseError(`message illisible : ${error instanceof Error ? error.message : String(error)}`);
  }
  const segments: Hl7Segment[] = [];
  for (const node of message.toArray()) {
    const fields = node.toArray();
    const name = fields[0]?.toString() ?? "";
    if (!SEGMENT_NAME.test(name)) throw new Hl7ParseError(`segment ${segments.length + 1} : nom de segment invalide`);
    const parsed: Hl7Field[] = name === "MSH" ? [[], [[["|"]]]] : [[]];
    // For MSH the parser's field 1 is MSH-2 (the encoding characters), kept verbatim.
    for (const [index, field] of fields.entries()) {
      if (index === 0) continue;
      if (name === "MSH" && index === 1) {
        parsed.push([[[field.toRaw()]]]);
        continue;
      }
      parsed.push(field.toRaw() === "" ? [] : field.toArray().map((repetition) => repetition.toArray().map((component) => component.toArray().map((sub) => sub.toString()))));
    }
    segments.push({ name, fields: parsed });
  }
  if (segments[0]?.name !== "MSH") throw new Hl7ParseError("le message ne commence pas par un segment MSH");
  return { segments };
}
