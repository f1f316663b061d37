import "server-only";
import type { ViewerStudy } from "@/lib/domain/viewer-opening";

// A study as the viewer hangs it: its series in series-number order, with their instance counts.

export const viewerStudySelect = {
  studyInstanceUid: true,
  studyDate: true,
  studyDescription: true,
  accessionNumber: true,
  series: {
    orderBy: [{ seriesNumber: "asc" as const }, { seriesInstanceUid: "asc" as const }],
    select: { seriesInstanceUid: true, modality: true, seriesNumber: true, seriesDescription: true, _count: { select: { instances: true } } },
  },
};

interface ViewerStudyRow {
  studyInstanceUid: string;
  studyDate: string | null;
  studyDescription: string | null;
  accessionNumber: string | null;
  series: { seriesInstanceUid: string; modality: string; seriesNumber: number | null; seriesDescription: string | null; _count: { instances: number } }[];
}

export function toViewerStudy(row: ViewerStudyRow): ViewerStudy {
  return {
    studyInstanceUid: row.studyInstanceUid,
    studyDate: row.studyDate,
    description: row.studyDescription,
    accessionNumber: row.accessionNumber,
    series: row.series.map((s) => ({
      seriesInstanceUid: s.seriesInstanceUid,
      modality: s.modality,
      number: s.seriesNumber,
      description: s.seriesDescription,
      instanceCount: s._count.instances,
    })),
  };
}
