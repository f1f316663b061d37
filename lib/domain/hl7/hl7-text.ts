// Text put into an HL7 v2 field, in and out (ACKs, ORU^R01). The builder of node-hl7-client writes values verbatim, so a
// patient called "O'Brien^Smith" or a protocol with "|" would otherwise shift every field after
// it at the RIS. Escapes follow HL7 v2.5.1 §2.7 with the default delimiters (|^~\&).

/** Escapes the delimiters; line breaks become \.br\ in formatted text (FT), a space elsewhere. */
export function escapeHl7(value: string, options: { formatted?: boolean } = {}): string {
  const escaped = value
    // Other C0 controls (and DEL) have no place in a message: MLLP frames with 0x0B/0x1C.
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, " ")
    .replace(/\\/g, "\\E\\")
    .replace(/\|/g, "\\F\\")
    .replace(/\^/g, "\\S\\")
    .replace(/&/g, "\\T\\")
    .replace(/~/g, "\\R\\");
  return escaped.replace(/\r\n|\r|\n/g, options.formatted ? "\\.br\\" : " ");
}

/** Components of a field (or subcomponents, with "&"), each escaped, trailing empties dropped. */
export function joinComponents(parts: readonly (string | null | undefined)[], separator: "^" | "&" = "^"): string {
  const values = parts.map((part) => (part ? escapeHl7(part) : ""));
  while (values.length > 0 && values[values.length - 1] === "") values.pop();
  return values.join(separator);
}
