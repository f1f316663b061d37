import { convertBytes } from "dicom-character-set";

// Text values per Specific Character Set (0008,0005), PS3.5 6.1: single-byte ISO_IR 100-203,
// UTF-8, GB18030/GBK, and ISO 2022 with code extensions (Japanese IR 87/159 with IR 13,
// Korean IR 149, Chinese IR 58). A value that cannot be decoded is kept, decoded as Latin-1,
// with a warning: a file is never refused for its text.

/** The VRs whose values are in the dataset's character set (PS3.5 6.1.2.3); the others are ASCII. */
export const CHARSET_VRS = new Set(["SH", "LO", "UC", "ST", "LT", "UT", "PN"]);
/** Single-valued VRs: a backslash in them is text, not a value delimiter. */
const SINGLE_VALUED = new Set(["ST", "LT", "UT"]);

export interface DecodedText {
  /** The values, padding removed; PN values keep their "=" component groups. */
  values: string[];
  warning: string | null;
}

export function decodeText(specificCharacterSet: string | undefined, bytes: Uint8Array, vr: string): DecodedText {
  // The hot path (hundreds of instances per study): ASCII reads the same in every character
  // set but JIS X 0201 (where 0x5C is the yen sign), without building a decoder.
  const plain = isPlainAscii(bytes) && !/IR 13(?!\d)/.test(specificCharacterSet ?? "");
  const decoded = plain ? { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"), warning: null } : decodeWithCharset(specificCharacterSet, bytes, vr);
  const text = decoded.text.replaceAll("\0", "");
  if (SINGLE_VALUED.has(vr)) return { values: [text.replace(/ +$/, "")], warning: decoded.warning };
  return { values: text.split("\\").map((value) => value.trim()), warning: decoded.warning };
}

function decodeWithCharset(specificCharacterSet: string | undefined, bytes: Uint8Array, vr: string): { text: string; warning: string | null } {
  try {
    const text = convertBytes(specificCharacterSet || undefined, bytes, { vr });
    return { text, warning: text.includes("\uFFFD") ? `bytes invalid in character set "${specificCharacterSet ?? ""}"` : null };
  } catch {
    const lenient = withAllIso2022(specificCharacterSet);
    try {
      if (lenient === null) throw new Error("no ISO 2022 code extension");
      // Writers escape to ASCII or another repertoire without declaring it (ESC ( B under
      // "ISO 2022 IR 13\ISO 2022 IR 87"); the escape itself names the repertoire, as pydicom reads it.
      return { text: convertBytes(lenient, bytes, { vr }), warning: `escape sequence to a character set not declared in "${specificCharacterSet ?? ""}"` };
    } catch {
      return { text: Buffer.from(bytes).toString("latin1"), warning: `unknown character set "${specificCharacterSet ?? ""}", read as ISO 8859-1` };
    }
  }
}

function isPlainAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80 || byte === 0x1b) return false;
  return true;
}

const ISO_2022_REPERTOIRES = ["ISO 2022 IR 6", "ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159", "ISO 2022 IR 149", "ISO 2022 IR 58"];

/** The declared ISO 2022 character sets followed by every other one, or null when none is ISO 2022. */
function withAllIso2022(specificCharacterSet: string | undefined): string | null {
  if (!specificCharacterSet?.includes("2022")) return null;
  const declared = specificCharacterSet.split("\\").map((term) => term.trim());
  return [...declared, ...ISO_2022_REPERTOIRES.filter((term) => !declared.includes(term))].join("\\");
}

/** A PN value as its DICOM JSON object: the alphabetic, ideographic and phonetic groups that are not empty. */
export function personName(value: string): { Alphabetic?: string; Ideographic?: string; Phonetic?: string } {
  const [alphabetic = "", ideographic = "", phonetic = ""] = value.split("=").map((group) => group.trim());
  return {
    ...(alphabetic ? { Alphabetic: alphabetic } : {}),
    ...(ideographic ? { Ideographic: ideographic } : {}),
    ...(phonetic ? { Phonetic: phonetic } : {}),
  };
}
