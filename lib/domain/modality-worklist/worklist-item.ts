import { uidFromUuid } from "@/lib/dicom/uid";
import type { InsStatus } from "../identity/ins-status";
import { insForOutgoing } from "../identity/ins-status";
import type { Modality, Priority, Sex } from "../enums";
import { zoneOffsetMinutes } from "../rota/wall-clock";
import { insIssuerOid } from "./ins-issuer";

// One Modality Worklist item (PS3.4 K.6.1, one Requested Procedure with one Scheduled Procedure
// Step) made from a télédiagnostic whose protocol was sent: what the scanner fills in, so the
// radiographer types nothing and the images link to the request by accession number. Pure: the
// server loads the request, this builds the item's attributes as a dcmjs naturalized dataset.

/** What a worklist item is made of, as the server loads it from the request. */
export interface WorklistSource {
  requestId: string;
  patientFamilyName: string;
  patientGivenName: string;
  /** "YYYY-MM-DD" (a day, never an instant). */
  patientBirthDate: string;
  patientSex: Sex;
  sitePatientId: string;
  sitePatientIdIssuer: string | null;
  patientIns: string | null;
  patientInsStatus: InsStatus | null;
  accessionNumber: string;
  siteAccessionNumber: string | null;
  modality: Modality;
  bodyRegion: string;
  /** The exam the radiologist proposed instead (indication modified), when any. */
  proposedExam: string | null;
  priority: Priority;
  /** The requester's name, or the ordering physician as the site's RIS named them. */
  referringPhysician: string;
  protocol: { code: string | null; label: string | null; modality: Modality | null; text: string | null; contrast: boolean | null };
  /** When the protocol was sent: the step is ready to be performed from then on. */
  scheduledAt: Date;
}

/** A naturalized DICOM dataset (dcmjs): keywords to values, sequences as arrays of items. */
export type NaturalDataset = Record<string, unknown>;

/** A request's item: the matching keys read the dataset (lib/server/imaging/worklist/worklist-match.ts). */
export interface WorklistItem {
  requestId: string;
  dataset: NaturalDataset;
}

const PRIORITY_CODES: Record<Priority, string> = { VITAL: "STAT", URGENT: "HIGH", ROUTINE: "ROUTINE" };
const SEX_CODES: Record<Sex, string> = { FEMALE: "F", MALE: "M", OTHER: "O", UNKNOWN: "" };

/** Local Coding Scheme Designator of the sites' protocol catalogues (PS3.16 8.2: "99" + name). */
export const PROTOCOL_CODING_SCHEME = "99TELERADIO";

/** LO and SH are counted in characters (PS3.5 6.2): a longer value is cut with an ellipsis. */
export function fitText(value: string, max: number): string {
  const clean = value.replace(/[\\\r\n\t]/g, " ").replace(/\s+/g, " ").trim();
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * The Study Instance UID the modality should use, made from the request's id (PS3.5 B.2: a
 * UUID as 2.25.<its 128 bits in decimal>). The same on every query, so every series of the
 * exam, from one scanner or two, lands in one study; and unique to the request.
 */
export function studyInstanceUidOf(requestId: string): string {
  return uidFromUuid(requestId);
}

/** DA and TM of an instant in the territory's wall-clock time: DICOM dates and times without an offset are local. */
export function localDicomDateTime(instant: Date): { date: string; time: string } {
  const local = new Date(instant.getTime() + zoneOffsetMinutes(instant) * 60_000).toISOString();
  return { date: local.slice(0, 10).replace(/-/g, ""), time: local.slice(11, 19).replace(/:/g, "") };
}

/**
 * The Accession Number the scanner writes into the images: the site's own when its RIS gave
 * one (so the site's PACS and RIS recognise their images), else ours. Ingest links a study to
 * the request by either (lib/server/imaging/ingest/ingest-instance.ts).
 */
export function worklistAccessionNumber(source: Pick<WorklistSource, "accessionNumber" | "siteAccessionNumber">): string {
  return source.siteAccessionNumber?.trim() || source.accessionNumber;
}

/** Every attribute the worklist can return for a request; the answer keeps the ones asked for. */
export function worklistItem(source: WorklistSource, stationAeTitle: string): WorklistItem {
  const { date, time } = localDicomDateTime(source.scheduledAt);
  const accession = worklistAccessionNumber(source);
  const protocol = source.protocol;
  const stepDescription = fitText(protocol.label ?? protocol.text ?? "", 64);
  const requestedDescription = fitText(source.proposedExam ?? `${source.modality} ${source.bodyRegion}`, 64);
  const ins = insForOutgoing(source);
  const step: NaturalDataset = {
    ScheduledStationAETitle: stationAeTitle,
    ScheduledProcedureStepStartDate: date,
    ScheduledProcedureStepStartTime: time,
    Modality: protocol.modality ?? source.modality,
    ScheduledPerformingPhysicianName: "",
    ScheduledProcedureStepDescription: stepDescription,
    ScheduledProtocolCodeSequence: protocol.code && protocol.label ? [{ CodeValue: fitText(protocol.code, 16), CodingSchemeDesignator: PROTOCOL_CODING_SCHEME, CodeMeaning: fitText(protocol.label, 64) }] : [],
    ScheduledProcedureStepID: accession,
    ScheduledStationName: "",
    ScheduledProcedureStepLocation: "",
    RequestedContrastAgent: protocol.contrast === null ? "" : protocol.contrast ? "Injection prévue" : "Sans injection",
    ScheduledProcedureStepStatus: "SCHEDULED",
  };
  return {
    requestId: source.requestId,
    dataset: {
      AccessionNumber: accession,
      ReferringPhysicianName: source.referringPhysician ? [{ Alphabetic: fitText(source.referringPhysician, 64) }] : "",
      PatientName: [{ Alphabetic: `${source.patientFamilyName}^${source.patientGivenName}` }],
      PatientID: source.sitePatientId,
      IssuerOfPatientID: source.sitePatientIdIssuer ?? "",
      // Only a qualified identity's INS leaves the product (lib/domain/identity/ins-status.ts).
      OtherPatientIDsSequence: ins
        ? [
            {
              PatientID: ins,
              IssuerOfPatientID: insIssuerOid(ins),
              TypeOfPatientID: "TEXT",
              IssuerOfPatientIDQualifiersSequence: [{ UniversalEntityID: insIssuerOid(ins), UniversalEntityIDType: "ISO" }],
            },
          ]
        : [],
      PatientBirthDate: source.patientBirthDate.replace(/-/g, ""),
      PatientSex: SEX_CODES[source.patientSex],
      StudyInstanceUID: studyInstanceUidOf(source.requestId),
      RequestedProcedureDescription: requestedDescription,
      RequestedProcedureCodeSequence: [],
      RequestedProcedureID: accession,
      RequestedProcedurePriority: PRIORITY_CODES[source.priority],
      ScheduledProcedureStepSequence: [step],
    },
  };
}
