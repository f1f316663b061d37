// The in-memory form of a data set before encoding: a flat list of elements, in any order
// (the encoder sorts them), built with the small constructors below.

export type TextVr = "AE" | "AS" | "CS" | "DA" | "DS" | "IS" | "LO" | "LT" | "PN" | "SH" | "ST" | "TM" | "UI";
export type BinaryNumberVr = "US" | "SS" | "UL" | "SL" | "FL" | "FD";

export type DataElement =
  | { readonly tag: number; readonly vr: TextVr; readonly values: readonly string[] }
  | { readonly tag: number; readonly vr: BinaryNumberVr; readonly values: readonly number[] }
  | { readonly tag: number; readonly vr: "OB" | "OW"; readonly bytes: Uint8Array }
  | { readonly tag: number; readonly vr: "SQ"; readonly items: readonly (readonly DataElement[])[] };

/** A text element; no values gives a zero-length (type 2 "empty") element. */
export function text(tag: number, vr: TextVr, ...values: string[]): DataElement {
  return { tag, vr, values };
}

/** Decimal String values (DS), each kept within the 16 characters DICOM allows. */
export function decimals(tag: number, ...values: number[]): DataElement {
  return { tag, vr: "DS", values: values.map(formatDecimalString) };
}

/** Integer String values (IS). */
export function integers(tag: number, ...values: number[]): DataElement {
  return { tag, vr: "IS", values: values.map(formatIntegerString) };
}

export function binaryNumbers(tag: number, vr: BinaryNumberVr, ...values: number[]): DataElement {
  return { tag, vr, values };
}

export function sequence(tag: number, ...items: (readonly DataElement[])[]): DataElement {
  return { tag, vr: "SQ", items };
}

export function bytes(tag: number, vr: "OB" | "OW", value: Uint8Array): DataElement {
  return { tag, vr, bytes: value };
}

const MAX_DECIMAL_STRING_LENGTH = 16;

export function formatDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`DS cannot encode ${value}`);
  if (Object.is(value, -0)) return "0";
  const plain = String(value);
  if (plain.length <= MAX_DECIMAL_STRING_LENGTH) return plain;
  // Shortest round-trip form is too long (e.g. 0.1 + 0.2): drop precision until it fits.
  for (let precision = 15; precision > 0; precision--) {
    const shortened = String(Number(value.toPrecision(precision)));
    if (shortened.length <= MAX_DECIMAL_STRING_LENGTH) return shortened;
  }
  throw new RangeError(`DS cannot encode ${value} in ${MAX_DECIMAL_STRING_LENGTH} characters`);
}

function formatIntegerString(value: number): string {
  if (!Number.isSafeInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) {
    throw new RangeError(`IS must be a 32-bit integer, got ${value}`);
  }
  return String(value);
}
