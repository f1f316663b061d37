import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { findMatchingIds } from "./find-matching-ids";
import { pageOfMatches } from "./page-of-matches";
import { dataset, element, withReturnedKeys } from "./qido-attributes";
import type { QidoQuery } from "./qido-query";
import { STUDY_SELECT, STUDY_SERIES_SELECT, studyAttributes, studySummaryAttributes } from "./study-attributes";
import { visibleStudiesWhere } from "../studies/study-scope";

/**
 * QIDO-RS /studies: the actor's visible studies matching the query, as DICOM JSON. The search is
 * audited. Study-level results carry the attributes of docs/conformance.md; includefield adds
 * attributes at instance level only (where the stored metadata is).
 */
export async function searchStudies(args: { db: Db; actor: Actor; query: QidoQuery; baseUrl: string }): Promise<DicomJsonDataset[]> {
  const { db, actor, query, baseUrl } = args;
  const ids = await findMatchingIds(db, query, "study");
  const studies = await pageOfMatches(ids, query, (page) =>
    db.dicomStudy.findMany({
      where: { AND: [visibleStudiesWhere(actor), ...(page.ids ? [{ id: { in: page.ids } }] : [])] },
      orderBy: [{ studyDate: "desc" }, { receivedAt: "desc" }, { studyInstanceUid: "asc" }],
      take: page.take,
      skip: page.skip,
      select: { ...STUDY_SELECT, series: STUDY_SERIES_SELECT },
    }),
  );
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "DICOMWEB_READ",
    entityType: "DicomStudy",
    detail: { resource: "qido-studies", results: studies.length, studies: studies.slice(0, 50).map((s) => s.studyInstanceUid) },
  });
  return studies.map((study) => {
    const base = dataset({
      ...studyAttributes(study),
      ...studySummaryAttributes(study.series),
      "00081190": element("UR", `${baseUrl}/studies/${study.studyInstanceUid}`),
    });
    return withReturnedKeys(base, query.returnTags, ["study"]);
  });
}
