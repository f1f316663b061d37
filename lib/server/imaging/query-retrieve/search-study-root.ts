import "server-only";
import { BINARY_VRS, type DicomJsonDataset, type DicomJsonElement } from "@/lib/dicom/dicom-json";
import type { Db } from "../../db/client";
import { findMatchingIds } from "../queries/find-matching-ids";
import { pageOfMatches } from "../queries/page-of-matches";
import { element } from "../queries/qido-attributes";
import { SERIES_SELECT, STUDY_SELECT, STUDY_SERIES_SELECT, seriesAttributes, studyAttributes, studySummaryAttributes } from "../queries/study-attributes";
import { type FindIdentifier, QIDO_LEVEL, QUERY_RETRIEVE_LEVEL_TAG, type ReturnKey } from "./find-identifier";

// The matches of a Study Root C-FIND within ONE site's studies: the calling AE's site, never
// another (the archive holds every site's images). Matching is the QIDO-RS code's
// (find-matching-ids.ts); the answers carry exactly the keys the peer asked for.

/** Beyond this many matches the query is refused (A700) and the peer asked to narrow it. */
export const MAX_FIND_MATCHES = 5000;

export type StudyRootSearch = { kind: "matches"; answers: DicomJsonDataset[]; studyUids: string[] } | { kind: "too-many" };

const SPECIFIC_CHARACTER_SET: DicomJsonElement = { vr: "CS", Value: ["ISO_IR 192"] };

export async function searchStudyRoot(args: { db: Db; siteId: string; identifier: FindIdentifier; retrieveAeTitle: string }): Promise<StudyRootSearch> {
  const { db, siteId, identifier, retrieveAeTitle } = args;
  const { level, query, returnKeys } = identifier;
  const ids = await findMatchingIds(db, query, QIDO_LEVEL[level]);
  // Values the archive keeps only in the stored header (SeriesDate, ImageType...) come from it.
  const wantsMetadata = returnKeys.some((key) => !KNOWN_COLUMNS.has(key.tag));
  const page = { limit: MAX_FIND_MATCHES + 1, offset: 0 };
  const common = (attributes: Record<string, DicomJsonElement | undefined>, metadata: unknown): DicomJsonDataset =>
    project(returnKeys, { ...attributes, "00080054": element("AE", retrieveAeTitle) }, metadata as DicomJsonDataset | null, level);

  let rows: { studyUid: string; answer: DicomJsonDataset }[];
  if (level === "STUDY") {
    const studies = await pageOfMatches(ids, page, (p) =>
      db.dicomStudy.findMany({
        where: { siteId, ...(p.ids ? { id: { in: p.ids } } : {}) },
        orderBy: [{ studyDate: "desc" }, { receivedAt: "desc" }, { studyInstanceUid: "asc" }],
        take: p.take,
        skip: p.skip,
        select: { ...STUDY_SELECT, series: STUDY_SERIES_SELECT },
      }),
    );
    rows = studies.map((study) => {
      const attributes = { ...studyAttributes(study), ...studySummaryAttributes(study.series) };
      return { studyUid: study.studyInstanceUid, answer: common(attributes, null) };
    });
  } else if (level === "SERIES") {
    const series = await pageOfMatches(ids, page, (p) =>
      db.dicomSeries.findMany({
        where: { study: { siteId }, ...(p.ids ? { id: { in: p.ids } } : {}) },
        orderBy: [{ seriesNumber: "asc" }, { seriesInstanceUid: "asc" }],
        take: p.take,
        skip: p.skip,
        select: {
          ...SERIES_SELECT,
          study: { select: STUDY_SELECT },
          instances: wantsMetadata ? { take: 1, orderBy: [{ instanceNumber: "asc" }, { sopInstanceUid: "asc" }], select: { metadata: true } } : false,
        },
      }),
    );
    rows = series.map((s) => {
      const attributes = { ...studyAttributes(s.study), ...seriesAttributes(s) };
      const first = (s as { instances?: { metadata: unknown }[] }).instances?.[0];
      return { studyUid: s.study.studyInstanceUid, answer: common(attributes, first?.metadata ?? null) };
    });
  } else {
    const instances = await pageOfMatches(ids, page, (p) =>
      db.dicomInstance.findMany({
        where: { series: { study: { siteId } }, ...(p.ids ? { id: { in: p.ids } } : {}) },
        orderBy: [{ instanceNumber: "asc" }, { sopInstanceUid: "asc" }],
        take: p.take,
        skip: p.skip,
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
    rows = instances.map((i) => {
      const attributes = {
        ...studyAttributes(i.series.study),
        "00080016": element("UI", i.sopClassUid),
        "00080018": element("UI", i.sopInstanceUid),
        "00080060": element("CS", i.series.modality),
        "0008103E": element("LO", i.series.seriesDescription),
        "0020000E": element("UI", i.series.seriesInstanceUid),
        "00200011": element("IS", i.series.seriesNumber),
        "00200013": element("IS", i.instanceNumber),
        "00280008": element("IS", i.numberOfFrames),
        "00280010": element("US", i.rows),
        "00280011": element("US", i.columns),
      };
      return { studyUid: i.series.study.studyInstanceUid, answer: common(attributes, wantsMetadata ? i.metadata : null) };
    });
  }
  if (rows.length > MAX_FIND_MATCHES) return { kind: "too-many" };
  return { kind: "matches", answers: rows.map((row) => row.answer), studyUids: [...new Set(rows.map((row) => row.studyUid))] };
}

/** Tags every level's columns answer; any other asked key is looked up in the stored header. */
const KNOWN_COLUMNS = new Set([
  ...Object.keys(studyAttributes({} as Parameters<typeof studyAttributes>[0])),
  "00080054", "00080061", "00201206", "00201208", "00080060", "0008103E", "00180015", "0020000E", "00200011", "00201209",
  "00080016", "00080018", "00200013", "00280008", "00280010", "00280011",
]);

/** The answer: each asked key, with its value when there is one (zero length otherwise, PS3.4 C.4.1.1.3.2). */
function project(keys: readonly ReturnKey[], attributes: Record<string, DicomJsonElement | undefined>, metadata: DicomJsonDataset | null, level: string): DicomJsonDataset {
  const answer: DicomJsonDataset = { "00080005": SPECIFIC_CHARACTER_SET, [QUERY_RETRIEVE_LEVEL_TAG]: { vr: "CS", Value: [level] } };
  for (const { tag, vr } of keys) {
    answer[tag] = attributes[tag] ?? fromHeader(metadata?.[tag]) ?? { vr };
  }
  return answer;
}

/** A stored header's value, when it is plain text or numbers: binary and sequence values are not answered. */
function fromHeader(stored: DicomJsonElement | undefined): DicomJsonElement | undefined {
  if (!stored || stored.vr === "SQ" || BINARY_VRS.has(stored.vr) || stored.InlineBinary !== undefined || stored.BulkDataURI !== undefined) return undefined;
  return stored.Value ? { vr: stored.vr, Value: stored.Value } : undefined;
}
