import type { DicomJsonElement } from "@/lib/dicom/dicom-json";
import { element } from "./qido-attributes";

// The study and series attributes of a QIDO-RS or C-FIND answer (PS3.18 Table 6.7.1-2), from
// the rows' own columns: the identity the study was received with, never the grouping patient's.

export const STUDY_SELECT = {
  studyInstanceUid: true,
  studyDate: true,
  studyTime: true,
  accessionNumber: true,
  studyId: true,
  studyDescription: true,
  referringPhysicianName: true,
  patientName: true,
  patientId: true,
  issuerOfPatientId: true,
  patientBirthDate: true,
  patientSex: true,
} as const;

export interface StudyColumns {
  studyInstanceUid: string;
  studyDate: string | null;
  studyTime: string | null;
  accessionNumber: string | null;
  studyId: string | null;
  studyDescription: string | null;
  referringPhysicianName: string | null;
  patientName: string;
  patientId: string;
  issuerOfPatientId: string | null;
  patientBirthDate: string | null;
  patientSex: string | null;
}

export function studyAttributes(study: StudyColumns): Record<string, DicomJsonElement | undefined> {
  return {
    "00080020": element("DA", study.studyDate),
    "00080030": element("TM", study.studyTime),
    "00080050": element("SH", study.accessionNumber),
    "00080056": element("CS", "ONLINE"),
    "00080090": element("PN", study.referringPhysicianName),
    "00081030": element("LO", study.studyDescription),
    "00100010": element("PN", study.patientName),
    "00100020": element("LO", study.patientId),
    "00100021": element("LO", study.issuerOfPatientId),
    "00100030": element("DA", study.patientBirthDate),
    "00100040": element("CS", study.patientSex),
    "0020000D": element("UI", study.studyInstanceUid),
    "00200010": element("SH", study.studyId),
  };
}

/** A study's series, as much as its summary attributes need. */
export const STUDY_SERIES_SELECT = { select: { modality: true, _count: { select: { instances: true } } } } as const;

/** Modalities in Study and the numbers of related series and instances, from the study's series. */
export function studySummaryAttributes(series: readonly { modality: string; _count: { instances: number } }[]): Record<string, DicomJsonElement | undefined> {
  const modalities = [...new Set(series.map((s) => s.modality))].sort();
  return {
    "00080061": modalities.length > 0 ? { vr: "CS", Value: modalities } : undefined,
    "00201206": element("IS", series.length),
    "00201208": element("IS", series.reduce((sum, s) => sum + s._count.instances, 0)),
  };
}

/** The series attributes both searches answer (QIDO-RS series level, C-FIND SERIES level). */
export const SERIES_SELECT = {
  seriesInstanceUid: true,
  modality: true,
  seriesNumber: true,
  seriesDescription: true,
  bodyPartExamined: true,
  _count: { select: { instances: true } },
} as const;

export interface SeriesColumns {
  seriesInstanceUid: string;
  modality: string;
  seriesNumber: number | null;
  seriesDescription: string | null;
  bodyPartExamined: string | null;
  _count: { instances: number };
}

export function seriesAttributes(series: SeriesColumns): Record<string, DicomJsonElement | undefined> {
  return {
    "00080060": element("CS", series.modality),
    "0008103E": element("LO", series.seriesDescription),
    "00180015": element("CS", series.bodyPartExamined),
    "0020000E": element("UI", series.seriesInstanceUid),
    "00200011": element("IS", series.seriesNumber),
    "00201209": element("IS", series._count.instances),
  };
}
