import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { findMatchingIds } from "./find-matching-ids";
import { pageOfMatches } from "./page-of-matches";
import { dataset, element, withReturnedKeys } from "./qido-attributes";
import type { QidoQuery } from "./qido-query";
import { SERIES_SELECT, STUDY_SELECT, seriesAttributes, studyAttributes } from "./study-attributes";
import { visibleStudiesWhere } from "../studies/study-scope";

/** QIDO-RS /series and /studies/{study}/series, within the actor's visible studies. */
export async function searchSeries(args: { db: Db; actor: Actor; query: QidoQuery; studyUid: string | null; baseUrl: string }): Promise<DicomJsonDataset[]> {
  const { db, actor, query, studyUid, baseUrl } = args;
  const ids = await findMatchingIds(db, query, "series", { studyUid });
  const series = await pageOfMatches(ids, query, (page) =>
    db.dicomSeries.findMany({
      where: {
        AND: [
          { study: { AND: [visibleStudiesWhere(actor), ...(studyUid ? [{ studyInstanceUid: studyUid }] : [])] } },
          ...(page.ids ? [{ id: { in: page.ids } }] : []),
        ],
      },
      orderBy: [{ seriesNumber: "asc" }, { seriesInstanceUid: "asc" }],
      take: page.take,
      skip: page.skip,
      select: { ...SERIES_SELECT, study: { select: STUDY_SELECT } },
    }),
  );
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "DICOMWEB_READ",
    entityType: "DicomStudy",
    entityId: studyUid,
    detail: { resource: "qido-series", results: series.length },
  });
  return series.map((s) => {
    const base = dataset({
      // All Series (/series) also answers the study attributes (PS3.18 10.6.3.3.2).
      ...(studyUid ? {} : studyAttributes(s.study)),
      ...seriesAttributes(s),
      "00081190": element("UR", `${baseUrl}/studies/${s.study.studyInstanceUid}/series/${s.seriesInstanceUid}`),
      "0020000D": element("UI", s.study.studyInstanceUid),
    });
    return withReturnedKeys(base, query.returnTags, studyUid ? ["series"] : ["study", "series"]);
  });
}
