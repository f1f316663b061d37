import dcmjs from "dcmjs";
import dicomParser from "dicom-parser";
import { DicomRejection } from "./dicom-rejection";

// The file's element tree with the byte offset of every value, read once per instance: frames
// are located in it, text is decoded from its raw bytes (dcmjs decodes one character set per
// file and refuses ISO 2022 code extensions) and large binary values are recorded by range.

const SPECIFIC_CHARACTER_SET = "x00080005";

export function readStructure(bytes: Uint8Array): dicomParser.DataSet {
  try {
    // Implicit VR files: sequences of defined length are only seen as sequences with their VR.
    return dicomParser.parseDicom(bytes, { vrCallback: dictionaryVr });
  } catch (error) {
    const reason = describe(error);
    throw new DicomRejection(/overrun|beyond|end of/i.test(reason) ? "TRUNCATED" : "MALFORMED", `unreadable dataset: ${reason}`);
  }
}

const dictionary = dcmjs.data.DicomMetaDictionary.dictionary;

/** The VR the data dictionary gives a tag ("x00100010"), when it gives exactly one. */
export function dictionaryVr(tag: string): string | undefined {
  const entry = dictionary[`(${tag.slice(1, 5).toUpperCase()},${tag.slice(5, 9).toUpperCase()})`];
  // Multi-VR entries ("US or SS", "OB or OW") are not sequences: the parser reads their bytes.
  return entry?.vr && /^[A-Z]{2}$/.test(entry.vr) ? entry.vr : undefined;
}

/** The raw Specific Character Set of a dataset or item, as the backslash-separated string decoders take. */
export function specificCharacterSet(dataSet: dicomParser.DataSet): string | undefined {
  const element = dataSet.elements[SPECIFIC_CHARACTER_SET];
  if (!element || element.length === 0) return undefined;
  return Buffer.from(dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + element.length))
    .toString("latin1")
    .replace(/[\0 ]+$/, "");
}

/**
 * Runs `read` with every Specific Character Set value (dataset and sequence items) blanked,
 * then puts the bytes back: dcmjs then reads text as Latin-1 instead of refusing the file,
 * and the text is decoded properly afterwards from the original bytes.
 */
export function withCharacterSetsHidden<T>(bytes: Uint8Array, dataSet: dicomParser.DataSet, read: () => T): T {
  const saved: { offset: number; value: Uint8Array }[] = [];
  collect(dataSet, saved, bytes, 0);
  for (const { offset, value } of saved) bytes.fill(0x20, offset, offset + value.length);
  try {
    return read();
  } finally {
    for (const { offset, value } of saved) bytes.set(value, offset);
  }
}

function collect(dataSet: dicomParser.DataSet, saved: { offset: number; value: Uint8Array }[], bytes: Uint8Array, depth: number): void {
  if (depth > 16) return;
  for (const element of Object.values(dataSet.elements)) {
    if (element.tag === SPECIFIC_CHARACTER_SET && element.length > 0 && element.length !== 0xffffffff) {
      saved.push({ offset: element.dataOffset, value: bytes.slice(element.dataOffset, element.dataOffset + element.length) });
    }
    for (const item of element.items ?? []) if (item.dataSet) collect(item.dataSet, saved, bytes, depth + 1);
  }
}

/** dicom-parser throws strings, Errors, or objects carrying `exception`. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null && "exception" in error) return String(error.exception);
  return "parser failure";
}
