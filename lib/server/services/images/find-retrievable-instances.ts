import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import type { FrameRanges } from "@/lib/dicom/locate-frames";
import type { Db } from "../../db/client";
import { auditStudyReadOnce } from "./audit-study-read";
import { visibleStudiesWhere } from "./study-scope";

export interface RetrievableInstance {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
  transferSyntaxUid: string;
  storageKey: string;
  frames: FrameRanges;
  metadata: DicomJsonDataset | null;
}

/**
 * The instances a WADO-RS request names (a study, a series or one instance), among the
 * studies the actor may see, in series then instance order. Empty means "not found": a
 * foreign study answers exactly like a missing one. Each retrieval is audited per study.
 */
export async function findRetrievableInstances(args: {
  db: Db;
  actor: Actor;
  studyUid: string;
  seriesUid: string | null;
  sopUid: string | null;
  withMetadata: boolean;
  resource: string;
}): Promise<RetrievableInstance[]> {
  const { db, actor, studyUid, seriesUid, sopUid } = args;
  const rows = await db.dicomInstance.findMany({
    where: {
      ...(sopUid ? { sopInstanceUid: sopUid } : {}),
      series: {
        ...(seriesUid ? { seriesInstanceUid: seriesUid } : {}),
        study: { AND: [{ studyInstanceUid: studyUid }, visibleStudiesWhere(actor)] },
      },
    },
    orderBy: [{ series: { seriesNumber: "asc" } }, { instanceNumber: "asc" }, { sopInstanceUid: "asc" }],
    select: {
      sopInstanceUid: true,
      sopClassUid: true,
      transferSyntaxUid: true,
      storageKey: true,
      frames: true,
      metadata: args.withMetadata,
      series: { select: { seriesInstanceUid: true, study: { select: { id: true, siteId: true } } } },
    },
  });
  const first = rows[0];
  if (first) auditStudyReadOnce(db, actor, { studyId: first.series.study.id, siteId: first.series.study.siteId, studyUid, resource: args.resource });
  return rows.map((row) => ({
    studyInstanceUid: studyUid,
    seriesInstanceUid: row.series.seriesInstanceUid,
    sopInstanceUid: row.sopInstanceUid,
    sopClassUid: row.sopClassUid,
    transferSyntaxUid: row.transferSyntaxUid,
    storageKey: row.storageKey,
    frames: row.frames as FrameRanges,
    metadata: args.withMetadata ? (row.metadata as unknown as DicomJsonDataset) : null,
  }));
}
