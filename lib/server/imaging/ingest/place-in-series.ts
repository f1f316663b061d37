import "server-only";
import { DicomRejection } from "@/lib/dicom/dicom-rejection";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isConsistentIdentity, patientGroupKey, studyOnlyGroupKey, type ReceivedIdentity } from "@/lib/domain/patient-grouping";
import type { Tx } from "../../db/client";
import type { ParsedForIndex } from "../parsing/parse-messages";
import type { IngestSource } from "../runtime/image-deps";

// Where an incoming instance goes: its patient, study and series rows, created on the first
// instance and found again for the rest.

// Series already indexed, so that the hundreds of instances of a series that follow the
// first need one plain read of their study rather than three upserts. Rows are never deleted,
// so an entry never goes stale.
const knownSeries = new Map<string, { seriesId: string; studyId: string }>();
const KNOWN_SERIES_LIMIT = 10_000;
// With the linked request's status: whether an instance flags it is known without another query.
const studyRowSelect = {
  id: true,
  siteId: true,
  requestId: true,
  linkState: true,
  accessionNumber: true,
  request: { select: { status: true, imagesAfterSigningAt: true } },
} satisfies Prisma.DicomStudySelect;
export type StudyRow = Prisma.DicomStudyGetPayload<{ select: typeof studyRowSelect }>;

export async function placeInSeries(tx: Tx, source: IngestSource, parsed: ParsedForIndex, now: Date): Promise<{ study: StudyRow; seriesId: string }> {
  const known = knownSeries.get(parsed.seriesInstanceUid);
  if (known) {
    // A plain read, no row lock: the instances of a study are indexed side by side. The
    // study's lastInstanceAt is touched after commit (touchStudy); linking locks (below).
    const study = await tx.dicomStudy.findUniqueOrThrow({ where: { id: known.studyId }, select: studyRowSelect });
    if (study.siteId !== source.siteId) throw foreignStudy(parsed);
    return { study, seriesId: known.seriesId };
  }
  const patientRef = await placePatient(tx, source.siteId, parsed);
  // The upsert's row lock orders concurrent instances of one study for the rest of the transaction.
  const study = await tx.dicomStudy.upsert({
    where: { studyInstanceUid: parsed.studyInstanceUid },
    create: {
      studyInstanceUid: parsed.studyInstanceUid,
      siteId: source.siteId,
      patientRef,
      patientName: parsed.patient.name,
      patientId: parsed.patient.id,
      issuerOfPatientId: parsed.patient.issuer,
      patientBirthDate: parsed.patient.birthDate,
      patientSex: parsed.patient.sex,
      studyDate: parsed.study.date,
      studyTime: parsed.study.time,
      accessionNumber: parsed.study.accessionNumber,
      studyId: parsed.study.studyId,
      studyDescription: parsed.study.description,
      referringPhysicianName: parsed.study.referringPhysicianName,
      receivedAt: now,
      lastInstanceAt: now,
    },
    update: { lastInstanceAt: now },
    select: studyRowSelect,
  });
  if (study.siteId !== source.siteId) throw foreignStudy(parsed);
  const series = await tx.dicomSeries.upsert({
    where: { seriesInstanceUid: parsed.seriesInstanceUid },
    create: {
      seriesInstanceUid: parsed.seriesInstanceUid,
      studyRef: study.id,
      modality: parsed.series.modality,
      seriesNumber: parsed.series.number,
      seriesDescription: parsed.series.description,
      bodyPartExamined: parsed.series.bodyPartExamined,
    },
    update: {},
    select: { id: true, studyRef: true },
  });
  if (series.studyRef !== study.id) {
    throw new DicomRejection("MALFORMED", `series ${parsed.seriesInstanceUid} already belongs to another study`);
  }
  return { study, seriesId: series.id };
}


/**
 * The patient record the study joins: the one of its Patient ID and issuer when the identities
 * agree, else a record of the study's own (an empty or generic ID, or an ID that already names
 * someone else, never merges two people). Only a study's first instance gets here.
 */
async function placePatient(tx: Tx, siteId: string, parsed: ParsedForIndex): Promise<string> {
  const received: ReceivedIdentity = {
    patientId: parsed.patient.id,
    issuer: parsed.patient.issuer,
    name: parsed.patient.name,
    birthDate: parsed.patient.birthDate,
    sex: parsed.patient.sex,
  };
  const existingStudy = await tx.dicomStudy.findUnique({ where: { studyInstanceUid: parsed.studyInstanceUid }, select: { patientRef: true } });
  if (existingStudy) return existingStudy.patientRef;
  const record = { siteId, patientId: received.patientId, issuer: received.issuer, name: received.name, birthDate: received.birthDate, sex: received.sex };
  const groupKey = patientGroupKey(received, parsed.studyInstanceUid);
  const identitySelect = { id: true, patientId: true, issuer: true, name: true, birthDate: true, sex: true } as const;
  const patient = await tx.dicomPatient.upsert({ where: { siteId_groupKey: { siteId, groupKey } }, create: { ...record, groupKey }, update: {}, select: identitySelect });
  if (isConsistentIdentity(patient, received)) return patient.id;
  // This ID already names another person: the study stays on its own.
  const own = studyOnlyGroupKey(parsed.studyInstanceUid);
  const alone = await tx.dicomPatient.upsert({ where: { siteId_groupKey: { siteId, groupKey: own } }, create: { ...record, groupKey: own }, update: {}, select: { id: true } });
  return alone.id;
}

/** The series' rows when an instance of it was committed by this process, else undefined. */
export function knownSeriesOf(seriesInstanceUid: string): { seriesId: string; studyId: string } | undefined {
  return knownSeries.get(seriesInstanceUid);
}

/** Called once the instance's transaction committed: a rolled-back series row must be created again. */
export function rememberSeries(seriesInstanceUid: string, placed: { seriesId: string; studyId: string }): void {
  if (knownSeries.size >= KNOWN_SERIES_LIMIT) knownSeries.clear();
  knownSeries.set(seriesInstanceUid, placed);
}

function foreignStudy(parsed: ParsedForIndex): DicomRejection {
  return new DicomRejection("FOREIGN_STUDY", `study ${parsed.studyInstanceUid} was received from another site`);
}
