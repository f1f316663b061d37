import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { dataset, element } from "./qido-attributes";
import type { QidoQuery } from "./qido-query";
import { seriesFilters, studyFilters } from "./qido-filters";
import { visibleStudiesWhere } from "../studies/study-scope";

/** QIDO-RS /series and /studies/{study}/series, within the actor's visible studies. */
export async function searchSeries(args: { db: Db; actor: Actor; query: QidoQuery; studyUid: string | null; baseUrl: string }): Promise<DicomJsonDataset[]> {
  const { db, actor, query, studyUid, baseUrl } = args;
  const series = await db.dicomSeries.findMany({
    where: {
      AND: [
        { study: { AND: [visibleStudiesWhere(actor), ...(studyUid ? [{ studyInstanceUid: studyUid }] : []), ...studyFilters(query)] } },
        ...seriesFilters(query),
      ],
    },
    orderBy: [{ seriesNumber: "asc" }, { seriesInstanceUid: "asc" }],
    take: query.limit,
    skip: query.offset,
    select: {
      seriesInstanceUid: true,
      modality: true,
      seriesNumber: true,
      seriesDescription: true,
      bodyPartExamined: true,
      study: { select: { studyInstanceUid: true, studyDate: true, accessionNumber: true, patient: { select: { name: true, patientId: true } } } },
      _count: { select: { instances: true } },
    },
  });
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "DICOMWEB_READ",
    entityType: "DicomStudy",
    entityId: studyUid,
    detail: { resource: "qido-series", results: series.length },
  });
  return series.map((s) =>
    dataset({
      "00080060": element("CS", s.modality),
      "0008103E": element("LO", s.seriesDescription),
      "00081190": element("UR", `${baseUrl}/studies/${s.study.studyInstanceUid}/series/${s.seriesInstanceUid}`),
      "00180015": element("CS", s.bodyPartExamined),
      "0020000D": element("UI", s.study.studyInstanceUid),
      "0020000E": element("UI", s.seriesInstanceUid),
      "00200011": element("IS", s.seriesNumber),
      "00201209": element("IS", s._count.instances),
      // Study attributes, for searches across studies (/series).
      ...(studyUid
        ? {}
        : {
            "00080020": element("DA", s.study.studyDate),
            "00080050": element("SH", s.study.accessionNumber),
            "00100010": element("PN", s.study.patient.name),
            "00100020": element("LO", s.study.patient.patientId),
          }),
    }),
  );
}
