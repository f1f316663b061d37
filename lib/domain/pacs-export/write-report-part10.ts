import dcmjs from "dcmjs";

// A naturalized data set as a DICOM Part 10 file in Explicit VR Little Endian: the document the
// C-STORE sends (its data set after the meta header) and that tests read back.

export const EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
/** Names the writer in the meta header; the same as the DICOM listener's (part10-from-dataset.ts). */
const IMPLEMENTATION_CLASS_UID = "2.25.273302024481876603437186195617002564513";

export function writeReportPart10(dataset: Record<string, unknown>): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = DicomMetaDictionary.denaturalizeDataset({
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: "TELERAD_REPORT_1",
  });
  const dict = new DicomDict(meta);
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}

/** Reads a Part 10 file back as a naturalized data set (tests, and the DIMSE layer's checks). */
export function readReportPart10(bytes: Uint8Array): Record<string, unknown> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const dict = dcmjs.data.DicomMessage.readFile(buffer);
  return dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict);
}
