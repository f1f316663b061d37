import { firstValue, stringValue, type DicomJsonDataset } from "./dicom-json";

// A Structured Report's content tree (PS3.3 C.17.3) read out of the DICOM JSON the series
// metadata already serves (the Content Sequence is inline): concept names, values with their
// units, nested containers. Pure, so the reading is tested on real reports.

export interface SrNode {
  valueType: string;
  relationship: string | null;
  name: string | null;
  /** The value as a reader reads it ("12.5 mm", a coded meaning, a text); null for a container. */
  value: string | null;
  children: SrNode[];
}

const TAG = {
  relationshipType: "0040A010",
  valueType: "0040A040",
  conceptName: "0040A043",
  contentSequence: "0040A730",
  textValue: "0040A160",
  conceptCode: "0040A168",
  measuredValue: "0040A300",
  numericValue: "0040A30A",
  units: "004008EA",
  date: "0040A121",
  time: "0040A122",
  dateTime: "0040A120",
  personName: "0040A123",
  uid: "0040A124",
  referencedSop: "00081199",
  referencedSopInstance: "00081155",
  codeValue: "00080100",
  codingScheme: "00080102",
  codeMeaning: "00080104",
} as const;

function items(dataset: DicomJsonDataset, tag: string): DicomJsonDataset[] {
  const values = dataset[tag]?.Value ?? [];
  return values.filter((v): v is DicomJsonDataset => typeof v === "object" && v !== null);
}

function codeText(dataset: DicomJsonDataset | undefined): string | null {
  if (!dataset) return null;
  return stringValue(dataset, TAG.codeMeaning) ?? stringValue(dataset, TAG.codeValue);
}

/** UCUM units read best as their code ("mm", "cm2"); "1" (no unit) is left out. */
function unitText(dataset: DicomJsonDataset | undefined): string | null {
  if (!dataset) return null;
  const value = stringValue(dataset, TAG.codeValue);
  if (stringValue(dataset, TAG.codingScheme) === "UCUM" && value) return value === "1" ? null : value;
  return codeText(dataset);
}

function personNameText(dataset: DicomJsonDataset): string | null {
  const value = firstValue(dataset, TAG.personName);
  const alphabetic = typeof value === "object" && value !== null ? (value as { Alphabetic?: unknown }).Alphabetic : value;
  return typeof alphabetic === "string" ? alphabetic.split("^").filter(Boolean).join(" ") || null : null;
}

function valueOf(dataset: DicomJsonDataset, valueType: string): string | null {
  switch (valueType) {
    case "TEXT":
      return stringValue(dataset, TAG.textValue);
    case "CODE":
      return codeText(items(dataset, TAG.conceptCode)[0]);
    case "NUM": {
      const measured = items(dataset, TAG.measuredValue)[0];
      const number = measured ? stringValue(measured, TAG.numericValue) : null;
      if (!measured || number === null) return null;
      const unit = unitText(items(measured, TAG.units)[0]);
      return unit ? `${number} ${unit}` : number;
    }
    case "DATE":
      return stringValue(dataset, TAG.date);
    case "TIME":
      return stringValue(dataset, TAG.time);
    case "DATETIME":
      return stringValue(dataset, TAG.dateTime);
    case "PNAME":
      return personNameText(dataset);
    case "UIDREF":
      return stringValue(dataset, TAG.uid);
    case "IMAGE":
    case "COMPOSITE":
    case "WAVEFORM":
      return stringValue(items(dataset, TAG.referencedSop)[0] ?? {}, TAG.referencedSopInstance);
    default:
      return null;
  }
}

/** Nesting deeper than this is not read (a hostile or broken report must not hang the page). */
const MAX_DEPTH = 32;

function readNode(dataset: DicomJsonDataset, depth: number): SrNode {
  const valueType = stringValue(dataset, TAG.valueType) ?? "";
  return {
    valueType,
    relationship: stringValue(dataset, TAG.relationshipType),
    name: codeText(items(dataset, TAG.conceptName)[0]),
    value: valueOf(dataset, valueType),
    children: depth >= MAX_DEPTH ? [] : items(dataset, TAG.contentSequence).map((child) => readNode(child, depth + 1)),
  };
}

/** The report's root container (its title is the root's concept name), or null if it is not an SR. */
export function readSrTree(dataset: DicomJsonDataset): SrNode | null {
  if (!stringValue(dataset, TAG.valueType) && items(dataset, TAG.contentSequence).length === 0) return null;
  return readNode(dataset, 0);
}

/** The tree as indented text lines ("Name: value"), as the page shows it and a copy reads. */
export function srTextLines(node: SrNode, depth = 0): string[] {
  const label = [node.name, node.value].filter((part): part is string => part !== null && part !== "").join(" : ");
  const own = label ? [`${"  ".repeat(depth)}${label}`] : [];
  return [...own, ...node.children.flatMap((child) => srTextLines(child, label ? depth + 1 : depth))];
}
