import "server-only";
import { seriesContent, type InstanceContent, type ViewerStudy } from "@/lib/domain/viewer-opening";

// A study as the viewer hangs it: its series in series-number order, with their instance counts
// and what they hold (images or documents), from the instances' content, not their Modality.

export const viewerStudySelect = {
  studyInstanceUid: true,
  studyDate: true,
  studyDescription: true,
  accessionNumber: true,
  series: {
    orderBy: [{ seriesNumber: "asc" as const }, { seriesInstanceUid: "asc" as const }],
    select: {
      seriesInstanceUid: true,
      modality: true,
      seriesNumber: true,
      seriesDescription: true,
      _count: { select: { instances: true } },
      // Only the non-image instances are read one by one: they are few, images are counted.
      instances: { where: { content: { not: "IMAGE" as const } }, select: { content: true } },
    },
  },
};

interface ViewerStudyRow {
  studyInstanceUid: string;
  studyDate: string | null;
  studyDescription: string | null;
  accessionNumber: string | null;
  series: {
    seriesInstanceUid: string;
    modality: string;
    seriesNumber: number | null;
    seriesDescription: string | null;
    _count: { instances: number };
    instances: { content: InstanceContent }[];
  }[];
}

export function toViewerStudy(row: ViewerStudyRow): ViewerStudy {
  return {
    studyInstanceUid: row.studyInstanceUid,
    studyDate: row.studyDate,
    description: row.studyDescription,
    accessionNumber: row.accessionNumber,
    series: row.series.map((s) => {
      const counts: Partial<Record<InstanceContent, number>> = { IMAGE: s._count.instances - s.instances.length };
      for (const { content } of s.instances) counts[content] = (counts[content] ?? 0) + 1;
      return {
        seriesInstanceUid: s.seriesInstanceUid,
        modality: s.modality,
        number: s.seriesNumber,
        description: s.seriesDescription,
        instanceCount: s._count.instances,
        content: seriesContent(counts),
      };
    }),
  };
}
