import type { PickedFile } from "./read-dicom-identifiers";

// Pure: picked files grouped by study, and each study cut into upload batches.

export type DicomFile = Extract<PickedFile, { kind: "dicom" }>;

export interface StudyUpload {
  studyUid: string;
  patientName: string;
  description: string;
  files: DicomFile[];
  totalBytes: number;
}

export function groupByStudy(files: PickedFile[]): StudyUpload[] {
  const studies = new Map<string, StudyUpload>();
  for (const file of files) {
    if (file.kind !== "dicom") continue;
    const study = studies.get(file.studyUid) ?? { studyUid: file.studyUid, patientName: file.patientName, description: file.studyDescription, files: [], totalBytes: 0 };
    // The same instance picked twice (a folder and its copy) is sent once.
    if (study.files.some((f) => f.sopUid === file.sopUid)) continue;
    study.files.push(file);
    study.totalBytes += file.file.size;
    studies.set(file.studyUid, study);
  }
  return [...studies.values()];
}

export function batches(files: DicomFile[], maxFiles = 10, maxBytes = 24 * 1024 * 1024): DicomFile[][] {
  const result: DicomFile[][] = [];
  let current: DicomFile[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= maxFiles || bytes + file.file.size > maxBytes)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.file.size;
  }
  if (current.length > 0) result.push(current);
  return result;
}
