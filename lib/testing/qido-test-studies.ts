import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import dcmjs from "dcmjs";
import { pydicomFile } from "./corpus/public-dicom-files";

// Small studies for QIDO-RS tests, made from real files (pydicom's CT_small and MR_small) with
// fresh UIDs and the identities and study attributes a test needs, written in UTF-8
// (ISO_IR 192) so that accented, Greek and Japanese names (with ideographic and phonetic
// groups) are exact. The same bytes go to our archive and to Orthanc.

dcmjs.log.setLevel("error");

export interface PersonName {
  Alphabetic: string;
  Ideographic?: string;
  Phonetic?: string;
}

export interface TestSeriesSpec {
  source: "CT" | "MR";
  seriesNumber: number;
  seriesDescription: string;
  instances: number;
}

export interface TestStudySpec {
  patientName: PersonName;
  patientId: string;
  birthDate: string;
  sex: string;
  studyDate: string;
  studyTime: string;
  referringPhysicianName: string;
  studyId: string;
  accessionNumber: string;
  studyDescription: string;
  series: TestSeriesSpec[];
  /** Further attributes by keyword, as dcmjs names them (e.g. PerformedProcedureStepStartDate). */
  extra?: Record<string, unknown>;
}

export interface TestStudy {
  studyInstanceUid: string;
  spec: TestStudySpec;
  files: Uint8Array[];
}

const SOURCES = { CT: "test_files/CT_small.dcm", MR: "test_files/MR_small.dcm" } as const;

export const freshUid = () => `2.25.${BigInt(`0x${randomBytes(16).toString("hex")}`).toString(10)}`;

export function buildTestStudy(spec: TestStudySpec): TestStudy {
  const studyInstanceUid = freshUid();
  const files: Uint8Array[] = [];
  for (const series of spec.series) {
    const seriesInstanceUid = freshUid();
    for (let number = 1; number <= series.instances; number++) {
      files.push(
        rewrite(SOURCES[series.source], {
          SpecificCharacterSet: "ISO_IR 192",
          PatientName: [spec.patientName],
          PatientID: spec.patientId,
          PatientBirthDate: spec.birthDate,
          PatientSex: spec.sex,
          StudyDate: spec.studyDate,
          StudyTime: spec.studyTime,
          ReferringPhysicianName: spec.referringPhysicianName ? [{ Alphabetic: spec.referringPhysicianName }] : [],
          StudyID: spec.studyId,
          AccessionNumber: spec.accessionNumber,
          StudyDescription: spec.studyDescription,
          StudyInstanceUID: studyInstanceUid,
          SeriesInstanceUID: seriesInstanceUid,
          SeriesNumber: String(series.seriesNumber),
          SeriesDescription: series.seriesDescription,
          InstanceNumber: String(number),
          SOPInstanceUID: freshUid(),
          ...spec.extra,
        }),
      );
    }
  }
  return { studyInstanceUid, spec, files };
}

function rewrite(source: string, changes: Record<string, unknown>): Uint8Array {
  const bytes = readFileSync(pydicomFile(source));
  const dicom = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const dataset = { ...dcmjs.data.DicomMetaDictionary.naturalizeDataset(dicom.dict), ...changes };
  const meta = { ...dicom.meta, "00020003": { vr: "UI", Value: [changes.SOPInstanceUID] } };
  const out = new dcmjs.data.DicomDict(meta);
  out.dict = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(out.write());
}
