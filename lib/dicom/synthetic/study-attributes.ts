// Patient, General Study and General Equipment attributes shared by every synthetic series,
// and the dates and times derived from the seed.
import { type DataElement, text } from "./data-element";
import { SeededRandom } from "./seeded-random";
import { Tag } from "./tags";
import { type SyntheticStudyOptions } from "./types";
import { uidFromSeed } from "./uid";

export interface StudyContext {
  seed: string;
  studyInstanceUid: string;
  /** YYYYMMDD */
  studyDate: string;
  /** Seconds after midnight; series times are offsets from it so they never precede the study. */
  studyStartSeconds: number;
  elements: readonly DataElement[];
}

export interface StudyDescription {
  studyDescription: string;
}

const DEFAULT_INSTITUTION = "Centre Hospitalier Demo";
const MANUFACTURER = "SYNTHETIC";
const FIRST_DEFAULT_STUDY_DAY = Date.UTC(2025, 0, 1);
const DEFAULT_STUDY_DAY_SPAN = 365;
const DAY_MS = 86_400_000;

export function describeStudy(options: SyntheticStudyOptions, description: StudyDescription): StudyContext {
  const { seed, patient } = options;
  checkDate("patient.birthDate", patient.birthDate);
  for (const [field, value] of [["familyName", patient.familyName], ["givenName", patient.givenName]] as const) {
    if (/[\\^=]/.test(value)) throw new Error(`patient.${field} must not contain \\, ^ or =`);
  }
  const random = new SeededRandom(seed, "study-calendar");
  const studyDate = options.studyDate ?? formatDate(FIRST_DEFAULT_STUDY_DAY + Math.floor(random.next() * DEFAULT_STUDY_DAY_SPAN) * DAY_MS);
  checkDate("studyDate", studyDate);
  // Between 07:30 and 18:30, so series minutes later still fall on the same day.
  const studyStartSeconds = 7.5 * 3600 + Math.floor(random.next() * 11 * 3600);
  const studyInstanceUid = uidFromSeed(seed, "study");

  const elements: DataElement[] = [
    // UTF-8, so French names with accents are encoded as written.
    text(Tag.SpecificCharacterSet, "CS", "ISO_IR 192"),
    text(Tag.PatientName, "PN", `${patient.familyName}^${patient.givenName}`),
    text(Tag.PatientID, "LO", patient.patientId),
    text(Tag.PatientBirthDate, "DA", patient.birthDate),
    text(Tag.PatientSex, "CS", patient.sex),
    text(Tag.StudyInstanceUID, "UI", studyInstanceUid),
    text(Tag.StudyDate, "DA", studyDate),
    text(Tag.StudyTime, "TM", formatTime(studyStartSeconds)),
    text(Tag.AccessionNumber, "SH", ...(options.accessionNumber ? [options.accessionNumber] : [])),
    text(Tag.ReferringPhysicianName, "PN"),
    text(Tag.StudyID, "SH", String(10_000_000 + Math.floor(random.next() * 90_000_000))),
    text(Tag.StudyDescription, "LO", description.studyDescription),
    text(Tag.InstitutionName, "LO", options.institutionName ?? DEFAULT_INSTITUTION),
    text(Tag.Manufacturer, "LO", MANUFACTURER),
    text(Tag.ManufacturerModelName, "LO", "Phantom generator"),
    text(Tag.StationName, "SH", "SYNTH01"),
    text(Tag.SoftwareVersions, "LO", "1"),
  ];
  return { seed, studyInstanceUid, studyDate, studyStartSeconds, elements };
}

export interface SeriesIdentity {
  seriesInstanceUid: string;
  seriesNumber: number;
  seriesDescription: string;
  modality: "CT" | "MR" | "DX";
  bodyPartExamined: string;
  /** When the series started, in minutes after the study start. */
  minutesAfterStudyStart: number;
}

/** General Series attributes, plus the date/time elements every image of the series repeats. */
export function describeSeries(study: StudyContext, series: SeriesIdentity): DataElement[] {
  const time = formatTime(study.studyStartSeconds + series.minutesAfterStudyStart * 60);
  return [
    text(Tag.SeriesInstanceUID, "UI", series.seriesInstanceUid),
    text(Tag.SeriesNumber, "IS", String(series.seriesNumber)),
    text(Tag.SeriesDescription, "LO", series.seriesDescription),
    text(Tag.ProtocolName, "LO", series.seriesDescription),
    text(Tag.Modality, "CS", series.modality),
    text(Tag.BodyPartExamined, "CS", series.bodyPartExamined),
    text(Tag.SeriesDate, "DA", study.studyDate),
    text(Tag.SeriesTime, "TM", time),
    text(Tag.AcquisitionDate, "DA", study.studyDate),
    text(Tag.AcquisitionTime, "TM", time),
    text(Tag.ContentDate, "DA", study.studyDate),
    text(Tag.ContentTime, "TM", time),
    text(Tag.InstanceCreationDate, "DA", study.studyDate),
    text(Tag.InstanceCreationTime, "TM", time),
  ];
}

function checkDate(field: string, value: string): void {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!parsed || formatDate(parsed.getTime()) !== value) throw new Error(`${field} must be a valid YYYYMMDD date, got "${value}"`);
}

function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10).replaceAll("-", "");
}

function formatTime(secondsAfterMidnight: number): string {
  const seconds = Math.floor(secondsAfterMidnight) % 86_400;
  const pad = (value: number): string => String(value).padStart(2, "0");
  return `${pad(Math.floor(seconds / 3600))}${pad(Math.floor((seconds % 3600) / 60))}${pad(seconds % 60)}`;
}
