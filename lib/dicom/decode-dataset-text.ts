import type dicomParser from "dicom-parser";
import { CHARSET_VRS, decodeText, personName } from "./decode-text";
import type { DicomJsonDataset } from "./dicom-json";
import { specificCharacterSet } from "./read-structure";

// Replaces the text values of a DICOM JSON dataset by their decoding from the file's own bytes,
// per the Specific Character Set in force: the dataset's, or a sequence item's own (PS3.5
// 6.1.2.5.1: an item may declare its own, otherwise it inherits its parent's).

const CHARSET_TAG = "00080005";

export function decodeDatasetText(json: DicomJsonDataset, dataSet: dicomParser.DataSet, inherited: string | undefined, warnings: string[]): void {
  const own = specificCharacterSet(dataSet);
  const charset = own ?? inherited;
  if (own !== undefined) json[CHARSET_TAG] = { vr: "CS", Value: own.split("\\").map((term) => term.trim() || null) };
  for (const [tag, element] of Object.entries(json)) {
    const raw = dataSet.elements[`x${tag.toLowerCase()}`];
    if (!raw) continue;
    if (element.vr === "SQ") {
      const items = raw.items ?? [];
      element.Value?.forEach((item, index) => {
        const itemSet = items[index]?.dataSet;
        if (itemSet && item && typeof item === "object") decodeDatasetText(item as DicomJsonDataset, itemSet, charset, warnings);
      });
      continue;
    }
    if (!CHARSET_VRS.has(element.vr) || raw.length === 0 || raw.length === 0xffffffff) continue;
    const decoded = decodeText(charset, dataSet.byteArray.subarray(raw.dataOffset, raw.dataOffset + raw.length), element.vr);
    if (decoded.warning) warnings.push(`(${tag.slice(0, 4)},${tag.slice(4)}) ${decoded.warning}`);
    const values = decoded.values.map((value) => (value === "" ? null : element.vr === "PN" ? personName(value) : value));
    if (values.every((value) => value === null)) delete element.Value;
    else element.Value = values;
  }
}
