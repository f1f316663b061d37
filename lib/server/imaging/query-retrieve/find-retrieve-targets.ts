import "server-only";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import type { Db } from "../../db/client";
import { listValues } from "../queries/match-value";
import { readLevel, valueText } from "./find-identifier";

// The instances a C-MOVE or C-GET identifier names (PS3.4 C.4.2.2.1, C.4.3.2.1): the unique
// key of its level (one UID or a list), under the unique keys of the levels above when given,
// and only among the calling site's studies. A UID of another site's study finds nothing, like
// a UID the archive never received: the peer cannot tell the two apart.

export interface RetrieveTarget {
  studyInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
  /** As stored: what the C-MOVE association proposes for it. */
  transferSyntaxUid: string;
  storageKey: string;
}

export type TargetsRead = { ok: true; targets: RetrieveTarget[]; keys: Record<string, string[]> } | { ok: false; message: string };

const STUDY = "0020000D";
const SERIES = "0020000E";
const SOP = "00080018";
const UID = /^[0-9]+(\.[0-9]+)*$/;

export async function findRetrieveTargets(db: Db, siteId: string, identifier: DicomJsonDataset): Promise<TargetsRead> {
  const level = readLevel(identifier);
  if (!level.ok) return level;
  const uids = (tag: string) => listValues(valueText(identifier[tag]));
  const keys = { studyInstanceUids: uids(STUDY), seriesInstanceUids: uids(SERIES), sopInstanceUids: uids(SOP) };
  const unique = { STUDY: ["StudyInstanceUID", keys.studyInstanceUids], SERIES: ["SeriesInstanceUID", keys.seriesInstanceUids], IMAGE: ["SOPInstanceUID", keys.sopInstanceUids] } as const;
  const [keyword, values] = unique[level.level];
  if (values.length === 0) return { ok: false, message: `${keyword} is required at ${level.level} level` };
  for (const uid of [...keys.studyInstanceUids, ...keys.seriesInstanceUids, ...keys.sopInstanceUids]) {
    if (uid.length > 64 || !UID.test(uid)) return { ok: false, message: `not a UID: "${uid.slice(0, 40)}"` };
  }
  const rows = await db.dicomInstance.findMany({
    where: {
      ...(keys.sopInstanceUids.length > 0 && level.level === "IMAGE" ? { sopInstanceUid: { in: keys.sopInstanceUids } } : {}),
      series: {
        ...(keys.seriesInstanceUids.length > 0 && level.level !== "STUDY" ? { seriesInstanceUid: { in: keys.seriesInstanceUids } } : {}),
        study: { siteId, ...(keys.studyInstanceUids.length > 0 ? { studyInstanceUid: { in: keys.studyInstanceUids } } : {}) },
      },
    },
    orderBy: [{ series: { study: { studyInstanceUid: "asc" } } }, { series: { seriesNumber: "asc" } }, { seriesRef: "asc" }, { instanceNumber: "asc" }, { sopInstanceUid: "asc" }],
    select: { sopInstanceUid: true, sopClassUid: true, transferSyntaxUid: true, storageKey: true, series: { select: { study: { select: { studyInstanceUid: true } } } } },
  });
  const targets = rows.map((row) => ({ studyInstanceUid: row.series.study.studyInstanceUid, sopInstanceUid: row.sopInstanceUid, sopClassUid: row.sopClassUid, transferSyntaxUid: row.transferSyntaxUid, storageKey: row.storageKey }));
  return { ok: true, targets, keys };
}
