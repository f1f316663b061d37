import "server-only";
import type { IdentityMismatch } from "@/lib/domain/identity-match";

// How the request page shows a study. The patient shown is the study's own, as received
// (DicomStudy.patient*): never its patient group's name, which another study may have set.

export interface StudySummary {
  id: string;
  studyInstanceUid: string;
  studyDate: string | null;
  description: string | null;
  accessionNumber: string | null;
  patientName: string;
  /** The Patient ID (IPP) the study was received with; empty when it had none. */
  patientId: string;
  issuerOfPatientId: string | null;
  patientBirthDate: string | null;
  patientSex: string | null;
  modalities: string[];
  instanceCount: number;
  lastInstanceAt: Date;
  imagesCompleteAt: Date | null;
  linkState: "LINKED" | "NEEDS_CONFIRMATION" | null;
  linkMismatch: IdentityMismatch[];
  /** The actor may look at this study's images (thumbnails, viewer): see lib/domain/image-access.ts. */
  viewable: boolean;
  series: { seriesInstanceUid: string; modality: string; number: number | null; description: string | null; instanceCount: number }[];
}

export const studySummarySelect = {
  id: true,
  studyInstanceUid: true,
  studyDate: true,
  studyDescription: true,
  accessionNumber: true,
  lastInstanceAt: true,
  imagesCompleteAt: true,
  linkState: true,
  linkMismatch: true,
  patientName: true,
  patientId: true,
  issuerOfPatientId: true,
  patientBirthDate: true,
  patientSex: true,
  series: {
    orderBy: [{ seriesNumber: "asc" as const }],
    select: { seriesInstanceUid: true, modality: true, seriesNumber: true, seriesDescription: true, _count: { select: { instances: true } } },
  },
};

export interface StudySummaryRow {
  id: string;
  studyInstanceUid: string;
  studyDate: string | null;
  studyDescription: string | null;
  accessionNumber: string | null;
  lastInstanceAt: Date;
  imagesCompleteAt: Date | null;
  linkState: "LINKED" | "NEEDS_CONFIRMATION" | null;
  linkMismatch: unknown;
  patientName: string;
  patientId: string;
  issuerOfPatientId: string | null;
  patientBirthDate: string | null;
  patientSex: string | null;
  series: { seriesInstanceUid: string; modality: string; seriesNumber: number | null; seriesDescription: string | null; _count: { instances: number } }[];
}

export function toStudySummary(study: StudySummaryRow, viewable: boolean): StudySummary {
  return {
    id: study.id,
    studyInstanceUid: study.studyInstanceUid,
    studyDate: study.studyDate,
    description: study.studyDescription,
    accessionNumber: study.accessionNumber,
    patientName: study.patientName,
    patientId: study.patientId,
    issuerOfPatientId: study.issuerOfPatientId,
    patientBirthDate: study.patientBirthDate,
    patientSex: study.patientSex,
    modalities: [...new Set(study.series.map((s) => s.modality))],
    instanceCount: study.series.reduce((sum, s) => sum + s._count.instances, 0),
    lastInstanceAt: study.lastInstanceAt,
    imagesCompleteAt: study.imagesCompleteAt,
    linkState: study.linkState,
    linkMismatch: Array.isArray(study.linkMismatch) ? (study.linkMismatch as IdentityMismatch[]) : [],
    viewable,
    series: study.series.map((s) => ({
      seriesInstanceUid: s.seriesInstanceUid,
      modality: s.modality,
      number: s.seriesNumber,
      description: s.seriesDescription,
      instanceCount: s._count.instances,
    })),
  };
}
