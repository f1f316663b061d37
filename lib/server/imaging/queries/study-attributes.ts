import type { DicomJsonElement } from "@/lib/dicom/dicom-json";
import { element } from "./qido-attributes";

// The study attributes of a QIDO-RS answer (PS3.18 Table 6.7.1-2), from the study's own
// columns: the identity the study was received with, never the grouping patient's.

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
