import "server-only";
import { isSiteStaffOf, type Actor } from "@/lib/domain/access";
import { canViewRequestImages, canViewUnlinkedStudy } from "@/lib/domain/image-access";
import type { IdentityMismatch } from "@/lib/domain/identity-match";
import { AppError } from "@/lib/domain/errors";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../../services/requests/request-scope";
import { visibleStudiesWhere } from "./study-scope";

export interface StudySummary {
  id: string;
  studyInstanceUid: string;
  studyDate: string | null;
  description: string | null;
  accessionNumber: string | null;
  patientName: string;
  patientBirthDate: string | null;
  patientSex: string | null;
  instanceCount: number;
  lastInstanceAt: Date;
  imagesCompleteAt: Date | null;
  linkState: "LINKED" | "NEEDS_CONFIRMATION" | null;
  linkMismatch: IdentityMismatch[];
  /** The actor may look at this study's images (thumbnails, viewer): see lib/domain/image-access.ts. */
  viewable: boolean;
  series: { seriesInstanceUid: string; modality: string; number: number | null; description: string | null; instanceCount: number }[];
}

export interface RequestImages {
  accessionNumber: string;
  siteAccessionNumber: string | null;
  studies: StudySummary[];
  /** Studies of the site not linked to any request, which the site's staff may link here. */
  unlinked: StudySummary[] | null;
  canManage: boolean;
  /** The actor may open this request's images (the viewer); seeing the request is not enough. */
  canView: boolean;
}

const studySelect = {
  id: true,
  studyInstanceUid: true,
  studyDate: true,
  studyDescription: true,
  accessionNumber: true,
  lastInstanceAt: true,
  imagesCompleteAt: true,
  linkState: true,
  linkMismatch: true,
  patient: { select: { name: true, birthDate: true, sex: true } },
  series: {
    orderBy: [{ seriesNumber: "asc" as const }],
    select: { seriesInstanceUid: true, modality: true, seriesNumber: true, seriesDescription: true, _count: { select: { instances: true } } },
  },
};

/** The images of a request, as its page shows them; site staff also get the site's unlinked studies. */
export async function listRequestImages(args: { db: Db; actor: Actor; requestId: string }): Promise<RequestImages> {
  const { db, actor, requestId } = args;
  const request = await db.readingRequest.findFirst({
    where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
    select: { id: true, siteId: true, holderId: true, status: true, accessionNumber: true, siteAccessionNumber: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");
  const canManage = isSiteStaffOf(actor, request.siteId);
  const canView = canViewRequestImages(actor, request);
  // A link still waiting for its identity confirmation is not this request's images yet.
  const viewable = (study: StudyRow) => (study.linkState === "LINKED" ? canView : canViewUnlinkedStudy(actor, request));
  const studies = await db.dicomStudy.findMany({
    where: { AND: [{ requestId: request.id }, visibleStudiesWhere(actor)] },
    orderBy: { receivedAt: "asc" },
    select: studySelect,
  });
  const unlinked = canManage
    ? await db.dicomStudy.findMany({ where: { siteId: request.siteId, requestId: null }, orderBy: { lastInstanceAt: "desc" }, take: 20, select: studySelect })
    : null;
  return {
    accessionNumber: request.accessionNumber,
    siteAccessionNumber: request.siteAccessionNumber,
    studies: studies.map((study) => toSummary(study, viewable(study))),
    unlinked: unlinked?.map((study) => toSummary(study, canViewUnlinkedStudy(actor, request))) ?? null,
    canManage,
    canView,
  };
}

type StudyRow = {
  id: string;
  studyInstanceUid: string;
  studyDate: string | null;
  studyDescription: string | null;
  accessionNumber: string | null;
  lastInstanceAt: Date;
  imagesCompleteAt: Date | null;
  linkState: "LINKED" | "NEEDS_CONFIRMATION" | null;
  linkMismatch: unknown;
  patient: { name: string; birthDate: string | null; sex: string | null };
  series: { seriesInstanceUid: string; modality: string; seriesNumber: number | null; seriesDescription: string | null; _count: { instances: number } }[];
};

function toSummary(study: StudyRow, viewable: boolean): StudySummary {
  return {
    id: study.id,
    studyInstanceUid: study.studyInstanceUid,
    studyDate: study.studyDate,
    description: study.studyDescription,
    accessionNumber: study.accessionNumber,
    patientName: study.patient.name,
    patientBirthDate: study.patient.birthDate,
    patientSex: study.patient.sex,
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
