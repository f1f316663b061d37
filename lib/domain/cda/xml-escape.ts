// Report text is typed by people: "<", "&" and quotes are ordinary in it ("DLP < 500",
// "Dupont & fils"). Every value that enters the CDA goes through here, so the document stays
// well-formed XML whatever the radiologist wrote, and no text can add elements of its own.

// Characters XML 1.0 forbids anywhere (controls other than tab and line breaks, lone surrogates,
// U+FFFE/U+FFFF): a pasted control character would make the whole document unreadable.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content of an element. */
export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A value inside a double-quoted attribute: line breaks are kept as references, not normalised away. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
