import dcmjs from "dcmjs";
import type dicomParser from "dicom-parser";
import { classifyContent, type InstanceContent } from "./classify-content";
import { datasetDigest } from "./dataset-digest";
import { decodeDatasetText } from "./decode-dataset-text";
import { DicomRejection, isDicomRejection } from "./dicom-rejection";
import { BINARY_VRS, integerValue, personNameValue, PIXEL_DATA_TAG, textValue, toDicomJson, type DicomJsonDataset } from "./dicom-json";
import { locateFrames, nativeFrameBits, pixelDataElement, type ByteRange, type FrameRanges, type ImageGeometry } from "./locate-frames";
import { readMetaHeader } from "./read-meta-header";
import { readStructure, withCharacterSetsHidden } from "./read-structure";
import { transferSyntax } from "./transfer-syntaxes";
import { isValidUid } from "./uid";

// Everything the archive needs from one Part 10 file, read once at ingest: the identifiers,
// the attributes QIDO-RS searches on, the DICOM JSON metadata and where each frame lies.
// Runs in a worker with time and memory limits (lib/server/imaging/parsing/parse-pool.ts): untrusted
// files can make any parser slow or greedy.

export interface ParsedInstance {
  transferSyntaxUid: string;
  sopClassUid: string;
  sopInstanceUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  patient: { id: string; issuer: string | null; name: string; birthDate: string | null; sex: string | null };
  study: {
    date: string | null;
    time: string | null;
    accessionNumber: string | null;
    studyId: string | null;
    description: string | null;
    referringPhysicianName: string | null;
  };
  series: { modality: string; number: number | null; description: string | null; bodyPartExamined: string | null };
  instance: { number: number | null; rows: number | null; columns: number | null; numberOfFrames: number };
  metadata: DicomJsonDataset;
  frames: FrameRanges;
  /** Image, SR, encapsulated document, waveform or other: from what the dataset holds. */
  content: InstanceContent;
  /** Binary values over 64 KiB outside pixel data, by tag: [offset, length] in the file. Their metadata entry has a vr and no value. */
  bulkData: Record<string, ByteRange>;
  /** The dataset's identity without its File Meta Information (dataset-digest.ts). */
  datasetSha256: string;
  /** What was accepted but not quite right (undecodable text, padded pixel data): stored, and told. */
  warnings: string[];
}

const TAG = {
  transferSyntaxUid: "00020010",
  sopClassUid: "00080016",
  sopInstanceUid: "00080018",
  studyDate: "00080020",
  studyTime: "00080030",
  accessionNumber: "00080050",
  modality: "00080060",
  referringPhysicianName: "00080090",
  studyDescription: "00081030",
  seriesDescription: "0008103E",
  patientName: "00100010",
  patientId: "00100020",
  patientBirthDate: "00100030",
  patientSex: "00100040",
  issuerOfPatientId: "00100021",
  bodyPartExamined: "00180015",
  studyInstanceUid: "0020000D",
  seriesInstanceUid: "0020000E",
  studyId: "00200010",
  seriesNumber: "00200011",
  instanceNumber: "00200013",
  samplesPerPixel: "00280002",
  numberOfFrames: "00280008",
  rows: "00280010",
  columns: "00280011",
  bitsAllocated: "00280100",
  photometricInterpretation: "00280004",
} as const;

export function parseInstance(bytes: Uint8Array): ParsedInstance {
  const meta = readMetaHeader(bytes);
  const syntax = transferSyntax(meta.transferSyntaxUid);
  if (!syntax) throw new DicomRejection("UNSUPPORTED_TRANSFER_SYNTAX", `transfer syntax ${meta.transferSyntaxUid}`);

  const { dataSet, metadata, warnings } = readDecodedDataset(bytes);
  metadata[TAG.transferSyntaxUid] = { vr: "UI", Value: [meta.transferSyntaxUid] };
  const uid = (tag: string, name: string): string => {
    const value = textValue(metadata, tag);
    if (value === null) throw new DicomRejection("MISSING_ATTRIBUTE", `${name} (${tag.slice(0, 4)},${tag.slice(4)}) is missing`);
    if (!isValidUid(value)) throw new DicomRejection("INVALID_UID", `${name} is not a valid UID: "${value.slice(0, 80)}"`);
    return value;
  };
  const sopInstanceUid = uid(TAG.sopInstanceUid, "SOP Instance UID");
  const sopClassUid = uid(TAG.sopClassUid, "SOP Class UID");
  const studyInstanceUid = uid(TAG.studyInstanceUid, "Study Instance UID");
  const seriesInstanceUid = uid(TAG.seriesInstanceUid, "Series Instance UID");
  if (sopInstanceUid !== meta.mediaStorageSopInstanceUid) {
    throw new DicomRejection("UID_MISMATCH", "SOP Instance UID differs from the File Meta Information's Media Storage SOP Instance UID");
  }

  const numberOfFrames = integerValue(metadata, TAG.numberOfFrames) ?? 1;
  const rows = integerValue(metadata, TAG.rows);
  const columns = integerValue(metadata, TAG.columns);
  const bitsAllocated = integerValue(metadata, TAG.bitsAllocated);
  const geometry: ImageGeometry | null =
    rows !== null && columns !== null && bitsAllocated !== null
      ? {
          rows,
          columns,
          bitsAllocated,
          samplesPerPixel: integerValue(metadata, TAG.samplesPerPixel) ?? 1,
          numberOfFrames,
          photometricInterpretation: textValue(metadata, TAG.photometricInterpretation),
        }
      : null;
  const frames = locateFrames(dataSet, geometry, syntax.encapsulated, warnings);
  // Pixel data is served as bulk data; its URI is filled in when the metadata is served.
  const pixel = pixelDataElement(dataSet);
  if (frames.length > 0 && pixel) metadata[pixel.tag] = { vr: PIXEL_VR[pixel.tag] ?? (bitsAllocated === 8 ? "OB" : "OW") };
  const nativePixelBytes = geometry && !syntax.encapsulated ? Math.ceil((nativeFrameBits(geometry) * geometry.numberOfFrames) / 8) : null;

  // Values longer than their VR allows are not DICOM, and would not fit the index either.
  const text = (tag: string, maxLength: number, name: string) => {
    const value = textValue(metadata, tag);
    if (value !== null && value.length > maxLength) {
      throw new DicomRejection("MALFORMED", `${name} (${tag.slice(0, 4)},${tag.slice(4)}) is longer than ${maxLength} characters`);
    }
    return value;
  };
  // Descriptive values too long for their VR (a common writer's slip) are cut to fit the index,
  // with a warning; the metadata keeps them whole. Identifiers (patient, issuer, accession)
  // are refused instead: cutting one could make it someone else's.
  const described = (tag: string, maxLength: number, name: string) => {
    const value = textValue(metadata, tag);
    if (value === null || value.length <= maxLength) return value;
    warnings.push(`${name} (${tag.slice(0, 4)},${tag.slice(4)}) is longer than ${maxLength} characters: indexed cut`);
    return value.slice(0, maxLength);
  };
  // PN: up to 64 characters per component group (PS3.5 6.2); the index column holds 324.
  const personName = (tag: string, name: string) => {
    const value = personNameValue(metadata, tag);
    if (value !== null && value.length > 324) throw new DicomRejection("MALFORMED", `${name} (${tag.slice(0, 4)},${tag.slice(4)}) is longer than 324 characters`);
    return value;
  };
  return {
    transferSyntaxUid: meta.transferSyntaxUid,
    sopClassUid,
    sopInstanceUid,
    studyInstanceUid,
    seriesInstanceUid,
    patient: {
      id: text(TAG.patientId, 64, "Patient ID") ?? "",
      issuer: text(TAG.issuerOfPatientId, 64, "Issuer of Patient ID"),
      name: personName(TAG.patientName, "Patient's Name") ?? "",
      birthDate: date(described(TAG.patientBirthDate, 10, "Patient's Birth Date")),
      sex: described(TAG.patientSex, 16, "Patient's Sex"),
    },
    study: {
      date: date(described(TAG.studyDate, 10, "Study Date")),
      time: described(TAG.studyTime, 16, "Study Time"),
      accessionNumber: text(TAG.accessionNumber, 16, "Accession Number"),
      studyId: described(TAG.studyId, 16, "Study ID"),
      description: described(TAG.studyDescription, 64, "Study Description"),
      referringPhysicianName: personName(TAG.referringPhysicianName, "Referring Physician's Name"),
    },
    series: {
      modality: described(TAG.modality, 16, "Modality") ?? "OT",
      number: integerValue(metadata, TAG.seriesNumber),
      description: described(TAG.seriesDescription, 64, "Series Description"),
      bodyPartExamined: described(TAG.bodyPartExamined, 16, "Body Part Examined"),
    },
    instance: { number: integerValue(metadata, TAG.instanceNumber), rows, columns, numberOfFrames: frames.length },
    metadata,
    frames,
    content: classifyContent(dataSet, sopClassUid),
    bulkData: largeBinaryRanges(metadata, dataSet),
    datasetSha256: datasetDigest(dataSet, nativePixelBytes),
    warnings,
  };
}

const PIXEL_VR: Record<string, string> = { "7FE00008": "OF", "7FE00009": "OD" };

/** Top-level binary values left out of the metadata for their size (dicom-json.ts): where they are in the file. */
function largeBinaryRanges(metadata: DicomJsonDataset, dataSet: dicomParser.DataSet): Record<string, ByteRange> {
  const ranges: Record<string, ByteRange> = {};
  for (const [tag, element] of Object.entries(metadata)) {
    if (!BINARY_VRS.has(element.vr) || element.InlineBinary !== undefined || element.Value !== undefined || tag.startsWith("7FE0")) continue;
    const raw = dataSet.elements[`x${tag.toLowerCase()}`];
    if (raw && raw.length > 0 && raw.length !== 0xffffffff) ranges[tag] = [raw.dataOffset, raw.length];
  }
  return ranges;
}

/** The dataset as DICOM JSON, its text decoded per its character sets, with the element tree it was read from. */
export function readDecodedDataset(bytes: Uint8Array): { dataSet: dicomParser.DataSet; metadata: DicomJsonDataset; warnings: string[] } {
  const dataSet = readStructure(bytes);
  const metadata = withCharacterSetsHidden(bytes, dataSet, () => readMetadata(bytes));
  const warnings: string[] = [];
  decodeDatasetText(metadata, dataSet, undefined, warnings);
  return { dataSet, metadata, warnings };
}

function readMetadata(bytes: Uint8Array): DicomJsonDataset {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
  try {
    const dict = dcmjs.data.DicomMessage.readFile(buffer, { untilTag: PIXEL_DATA_TAG, includeUntilTagValue: false, noCopy: true }).dict;
    return toDicomJson(dict);
  } catch (error) {
    if (isDicomRejection(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DicomRejection(/offset|bounds|beyond|length/i.test(message) ? "TRUNCATED" : "MALFORMED", `unreadable dataset: ${message.slice(0, 200)}`);
  }
}

/** DA is YYYYMMDD; old ACR-NEMA style files write YYYY.MM.DD. Anything else is not a date to index. */
function date(value: string | null): string | null {
  if (value === null) return null;
  const compact = /^\d{4}\.\d{2}\.\d{2}$/.test(value) ? value.replaceAll(".", "") : value;
  return /^\d{8}$/.test(compact) ? compact : null;
}
