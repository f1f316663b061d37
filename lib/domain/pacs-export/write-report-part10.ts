import dcmjs from "dcmjs";
import { IMPLEMENTATION_CLASS_UID } from "@/lib/dicom/part10-from-dataset";
import { EXPLICIT_VR_LITTLE_ENDIAN } from "@/lib/dicom/transfer-syntaxes";

// A naturalized data set as a DICOM Part 10 file in Explicit VR Little Endian: the document the
// C-STORE sends (its data set after the meta header) and that tests read back.


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
