import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { findMatchingIds } from "./find-matching-ids";
import { pageOfMatches } from "./page-of-matches";
import { dataset, element, withIncludedFields, withReturnedKeys } from "./qido-attributes";
import type { QidoQuery } from "./qido-query";
import { STUDY_SELECT, studyAttributes } from "./study-attributes";
import { visibleStudiesWhere } from "../studies/study-scope";
import { studyViewAccess } from "../studies/study-view-access";

/** QIDO-RS /instances, /studies/{s}/instances and /studies/{s}/series/{se}/instances. */
export async function searchInstances(args: {
  db: Db;
  actor: Actor;
  query: QidoQuery;
  studyUid: string | null;
  seriesUid: string | null;
  baseUrl: string;
}): Promise<DicomJsonDataset[]> {
  const { db, actor, query, studyUid, seriesUid, baseUrl } = args;
  const wantsMetadata = query.includeFields === "all" || query.includeFields.size > 0;
  const ids = await findMatchingIds(db, query, "instance", { studyUid, seriesUid });
  const instances = await pageOfMatches(ids, query, (page) =>
    db.dicomInstance.findMany({
      where: {
        AND: [
          {
            series: {
              AND: [
                { study: { AND: [visibleStudiesWhere(actor), ...(studyUid ? [{ studyInstanceUid: studyUid }] : [])] } },
                ...(seriesUid ? [{ seriesInstanceUid: seriesUid }] : []),
              ],
            },
          },
          ...(page.ids ? [{ id: { in: page.ids } }] : []),
        ],
      },
      orderBy: [{ instanceNumber: "asc" }, { sopInstanceUid: "asc" }],
      take: page.take,
      skip: page.skip,
      select: {
        sopInstanceUid: true,
        sopClassUid: true,
        instanceNumber: true,
        rows: true,
        columns: true,
        numberOfFrames: true,
        metadata: wantsMetadata,
        series: { select: { seriesInstanceUid: true, modality: true, seriesNumber: true, seriesDescription: true, study: { select: STUDY_SELECT } } },
      },
    }),
  );
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "DICOMWEB_READ",
    entityType: "DicomStudy",
    entityId: studyUid,
    detail: { resource: "qido-instances", series: seriesUid, results: instances.length },
  });
  // Searching keeps the wider "may see" scope (linking, upload resume), but a stored header is
  // the images' content (patient, acquisition, annotations): includefield beyond the default
  // attributes answers only for studies the actor may VIEW, as WADO metadata would. Elsewhere the
  // default attributes alone, silently, as PS3.18 lets a server do. One decision per study.
  const levels = [...(studyUid ? [] : (["study"] as const)), ...(seriesUid ? [] : (["series"] as const)), "instance" as const];
  const viewable = wantsMetadata ? await viewableStudyUids(db, actor, instances.map((i) => i.series.study.studyInstanceUid)) : new Set<string>();
  return instances.map((i) => {
    const studyInstanceUid = i.series.study.studyInstanceUid;
    const base = dataset({
      // All Instances also answers the study attributes, and instances not scoped to a series the
      // series attributes (PS3.18 10.6.3.3.3).
      ...(studyUid ? {} : studyAttributes(i.series.study)),
      ...(seriesUid
        ? {}
        : { "0008103E": element("LO", i.series.seriesDescription), "00200011": element("IS", i.series.seriesNumber) }),
      "00080056": element("CS", "ONLINE"),
      "00080016": element("UI", i.sopClassUid),
      "00080018": element("UI", i.sopInstanceUid),
      "00080060": element("CS", i.series.modality),
      "00081190": element("UR", `${baseUrl}/studies/${studyInstanceUid}/series/${i.series.seriesInstanceUid}/instances/${i.sopInstanceUid}`),
      "0020000D": element("UI", studyInstanceUid),
      "0020000E": element("UI", i.series.seriesInstanceUid),
      "00200013": element("IS", i.instanceNumber),
      "00280008": i.numberOfFrames > 1 ? element("IS", i.numberOfFrames) : undefined,
      "00280010": element("US", i.rows),
      "00280011": element("US", i.columns),
    });
    const metadata = wantsMetadata && viewable.has(studyInstanceUid) ? (i.metadata as unknown as DicomJsonDataset) : null;
    return withReturnedKeys(withIncludedFields(base, metadata, query.includeFields), query.returnTags, levels);
  });
}

async function viewableStudyUids(db: Db, actor: Actor, studyUids: string[]): Promise<Set<string>> {
  const unique = [...new Set(studyUids)];
  const decisions = await Promise.all(unique.map(async (uid) => ((await studyViewAccess(db, actor, uid)).kind === "viewable" ? [uid] : [])));
  return new Set(decisions.flat());
}
