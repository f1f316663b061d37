import type dicomParser from "dicom-parser";
import { pixelDataElement } from "./locate-frames";

// What an instance holds, from its content rather than its Modality (which may be OT, SC,
// empty or wrong): a series is viewable as images because it has pixel data, whatever it says.

export type InstanceContent = "IMAGE" | "STRUCTURED_REPORT" | "ENCAPSULATED_DOCUMENT" | "WAVEFORM" | "OTHER";

/** SR documents, including Key Object Selection (PS3.4 B.5: 1.2.840.10008.5.1.4.1.1.88.x). */
const SR_ROOT = "1.2.840.10008.5.1.4.1.1.88.";
const CONTENT_SEQUENCE = "x0040a730";
const ENCAPSULATED_DOCUMENT = "x00420011";
const WAVEFORM_SEQUENCE = "x54000100";

export function classifyContent(dataSet: dicomParser.DataSet, sopClassUid: string): InstanceContent {
  if (pixelDataElement(dataSet)) return "IMAGE";
  if (dataSet.elements[ENCAPSULATED_DOCUMENT]) return "ENCAPSULATED_DOCUMENT";
  if (dataSet.elements[WAVEFORM_SEQUENCE]) return "WAVEFORM";
  if (sopClassUid.startsWith(SR_ROOT) || dataSet.elements[CONTENT_SEQUENCE]) return "STRUCTURED_REPORT";
  return "OTHER";
}
