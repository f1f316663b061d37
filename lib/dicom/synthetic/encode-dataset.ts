// Explicit VR Little Endian encoding (PS3.5 7.1.2) of a list of elements: sorted by tag,
// every value padded to an even length (UI with NUL, other text with a space).
import { type DataElement, type TextVr } from "./data-element";
import { formatTag } from "./tags";

/** VRs whose explicit header has two reserved bytes and a 32-bit length (PS3.5 Table 7.1-1). */
const LONG_LENGTH_VRS = new Set(["OB", "OW", "SQ"]);

/** Maximum characters per value (PS3.5 Table 6.2-1); checked so a bad input fails here, not in a PACS. */
const MAX_VALUE_CHARACTERS: Record<TextVr, number> = {
  AE: 16, AS: 4, CS: 16, DA: 8, DS: 16, IS: 12, LO: 64, LT: 10240, PN: 64, SH: 16, ST: 1024, TM: 14, UI: 64,
};

/** Single-valued VRs: a backslash is content there, not a value separator. */
const SINGLE_VALUED_VRS = new Set<TextVr>(["LT", "ST"]);

const utf8 = new TextEncoder();

export function encodeDataset(elements: readonly DataElement[]): Uint8Array {
  const sorted = [...elements].sort((a, b) => a.tag - b.tag);
  const chunks: Uint8Array[] = [];
  sorted.forEach((element, index) => {
    if (index > 0 && sorted[index - 1]?.tag === element.tag) throw new Error(`Duplicate element ${formatTag(element.tag)}`);
    const value = encodeValue(element);
    chunks.push(encodeHeader(element.tag, element.vr, value.length), value);
  });
  return concatBytes(chunks);
}

export function encodeHeader(tag: number, vr: string, length: number): Uint8Array {
  const long = LONG_LENGTH_VRS.has(vr);
  const header = new Uint8Array(long ? 12 : 8);
  const view = new DataView(header.buffer);
  view.setUint16(0, tag >>> 16, true);
  view.setUint16(2, tag & 0xffff, true);
  header[4] = vr.charCodeAt(0);
  header[5] = vr.charCodeAt(1);
  if (long) {
    view.setUint32(8, length, true);
  } else {
    if (length > 0xffff) throw new RangeError(`${formatTag(tag)} ${vr} value of ${length} bytes exceeds 16-bit length`);
    view.setUint16(6, length, true);
  }
  return header;
}

function encodeValue(element: DataElement): Uint8Array {
  switch (element.vr) {
    case "OB":
    case "OW":
      return padToEven(element.bytes, 0);
    case "SQ":
      return concatBytes(element.items.map(encodeItem));
    case "US":
    case "SS":
    case "UL":
    case "SL":
    case "FL":
    case "FD":
      return encodeBinaryNumbers(element.vr, element.values);
    case "AE":
    case "AS":
    case "CS":
    case "DA":
    case "DS":
    case "IS":
    case "LO":
    case "LT":
    case "PN":
    case "SH":
    case "ST":
    case "TM":
    case "UI":
      return encodeText(element.tag, element.vr, element.values);
  }
}

/** Items with explicit lengths: simpler than delimiters since each item is encoded first anyway. */
function encodeItem(item: readonly DataElement[]): Uint8Array {
  const body = encodeDataset(item);
  const header = new Uint8Array(8);
  const view = new DataView(header.buffer);
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, 0xe000, true);
  view.setUint32(4, body.length, true);
  return concatBytes([header, body]);
}

function encodeText(tag: number, vr: TextVr, values: readonly string[]): Uint8Array {
  if (SINGLE_VALUED_VRS.has(vr) && values.length > 1) throw new Error(`${formatTag(tag)} ${vr} is single-valued`);
  for (const value of values) {
    if (!SINGLE_VALUED_VRS.has(vr) && value.includes("\\")) throw new Error(`${formatTag(tag)} value contains a backslash`);
    if ([...value].length > MAX_VALUE_CHARACTERS[vr]) {
      throw new RangeError(`${formatTag(tag)} ${vr} value "${value}" exceeds ${MAX_VALUE_CHARACTERS[vr]} characters`);
    }
  }
  return padToEven(utf8.encode(values.join("\\")), vr === "UI" ? 0x00 : 0x20);
}

const BINARY_NUMBER_SIZE = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, FD: 8 } as const;

function encodeBinaryNumbers(vr: keyof typeof BINARY_NUMBER_SIZE, values: readonly number[]): Uint8Array {
  const size = BINARY_NUMBER_SIZE[vr];
  const out = new Uint8Array(values.length * size);
  const view = new DataView(out.buffer);
  values.forEach((value, index) => {
    const offset = index * size;
    switch (vr) {
      case "US": view.setUint16(offset, value, true); break;
      case "SS": view.setInt16(offset, value, true); break;
      case "UL": view.setUint32(offset, value, true); break;
      case "SL": view.setInt32(offset, value, true); break;
      case "FL": view.setFloat32(offset, value, true); break;
      case "FD": view.setFloat64(offset, value, true); break;
    }
  });
  return out;
}

export function padToEven(value: Uint8Array, padByte: number): Uint8Array {
  if (value.length % 2 === 0) return value;
  const padded = new Uint8Array(value.length + 1);
  padded.set(value);
  padded[value.length] = padByte;
  return padded;
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
