import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../../db/client";
import type { QidoLevel } from "./qido-keys";
import type { QidoQuery } from "./qido-query";
import { conditionSql } from "./qido-sql-conditions";

/**
 * The ids of the studies, series or instances (by level) that a QIDO query's conditions match,
 * within the study or series of the path; null when the query has no condition (no restriction).
 * Keys of a lower level than the one searched match relationally: a study matches
 * Modality=CT when one of its series does (the study-level Modality an identity check sends).
 * The ids come in the order the search answers in (page-of-matches.ts pages through them);
 * visibility and paging are applied by the caller, on these ids.
 */
export async function findMatchingIds(db: Db, query: QidoQuery, level: QidoLevel, path: { studyUid?: string | null; seriesUid?: string | null } = {}): Promise<string[] | null> {
  if (query.conditions.length === 0) return null;
  const at = (wanted: QidoLevel) => query.conditions.filter((c) => c.key.level === wanted).map(conditionSql);
  const studyWhere = [...at("study"), ...(path.studyUid ? [Prisma.sql`s."studyInstanceUid" = ${path.studyUid}`] : [])];
  const seriesWhere = [...at("series"), ...(path.seriesUid ? [Prisma.sql`se."seriesInstanceUid" = ${path.seriesUid}`] : [])];
  const instanceWhere = at("instance");
  const all = (parts: Prisma.Sql[]) => (parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, " AND "));
  const instanceExists = instanceWhere.length === 0 ? [] : [Prisma.sql`EXISTS (SELECT 1 FROM "DicomInstance" i WHERE i."seriesRef" = se."id" AND ${all(instanceWhere)})`];

  let rows: { id: string }[];
  if (level === "study") {
    const seriesExists =
      seriesWhere.length + instanceExists.length === 0 ? [] : [Prisma.sql`EXISTS (SELECT 1 FROM "DicomSeries" se WHERE se."studyRef" = s."id" AND ${all([...seriesWhere, ...instanceExists])})`];
    rows = await db.$queryRaw<{ id: string }[]>`SELECT s."id" FROM "DicomStudy" s WHERE ${all([...studyWhere, ...seriesExists])}
      ORDER BY s."studyDate" DESC, s."receivedAt" DESC, s."studyInstanceUid"`;
  } else if (level === "series") {
    rows = await db.$queryRaw<{ id: string }[]>`SELECT se."id" FROM "DicomSeries" se JOIN "DicomStudy" s ON s."id" = se."studyRef"
      WHERE ${all([...studyWhere, ...seriesWhere, ...instanceExists])} ORDER BY se."seriesNumber", se."seriesInstanceUid"`;
  } else {
    rows = await db.$queryRaw<{ id: string }[]>`SELECT i."id" FROM "DicomInstance" i JOIN "DicomSeries" se ON se."id" = i."seriesRef"
      JOIN "DicomStudy" s ON s."id" = se."studyRef" WHERE ${all([...studyWhere, ...seriesWhere, ...instanceWhere])}
      ORDER BY i."instanceNumber", i."sopInstanceUid"`;
  }
  return rows.map((row) => row.id);
}
