import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { AFTER_SIGNING_STATUSES } from "@/lib/domain/image-arrival";
import type { Db } from "../../db/client";
import type { ParsedForIndex } from "../parsing/parse-messages";
import type { IngestSource } from "../runtime/image-deps";
import { storedAuditDetail } from "./insert-instance-row";

export interface KnownSeriesRow {
  source: IngestSource;
  parsed: ParsedForIndex;
  placed: { seriesId: string; studyId: string };
  file: { sha256: string; key: string; size: number };
  at: Date;
}

/**
 * Several instances of series already indexed, with their audit rows, in one statement (one
 * commit): what index-in-known-series.ts gathers from the ingests running at the same time.
 * A row is inserted only when its study is its site's and asks nothing more of it (the
 * condition below, read in the same statement) and its SOP Instance UID is not stored yet;
 * the others are left out without an error. Resolves with the UIDs inserted.
 *
 * The condition: linked to a request that images do not flag (not signed, or already
 * flagged), or unlinked with no request of the site carrying its accession number.
 */
export async function insertKnownSeriesRows(db: Db, rows: readonly KnownSeriesRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const afterSigning = [...AFTER_SIGNING_STATUSES];
  // Every value is cast in every row: VALUES takes its column types from the first row only
  // when they are literals, and these are parameters.
  const values = rows.map(
    ({ source, parsed, placed, file, at }) => Prisma.sql`(
      ${randomUUID()}::uuid, ${parsed.sopInstanceUid}::varchar, ${parsed.sopClassUid}::varchar, ${placed.seriesId}::uuid, ${parsed.instance.number}::int,
      ${parsed.transferSyntaxUid}::varchar, ${parsed.instance.rows}::int, ${parsed.instance.columns}::int, ${parsed.instance.numberOfFrames}::int,
      ${file.sha256}::char(64), ${file.size}::int, ${file.key}::varchar, ${parsed.metadataJson}::jsonb, ${JSON.stringify(parsed.frames)}::jsonb,
      ${parsed.content}::"InstanceContent", ${JSON.stringify(parsed.bulkData)}::jsonb, ${parsed.datasetSha256}::char(64),
      ${source.channel}::"IngestChannel", ${source.senderLabel}::varchar, ${at}::timestamp(3),
      ${placed.studyId}::uuid, ${source.siteId}::uuid, ${source.actorId}::uuid, ${storedAuditDetail(source, parsed, file.size)}::jsonb)`,
  );
  const inserted = await db.$queryRaw<{ entityId: string }[]>`
    WITH input ("id", "sopInstanceUid", "sopClassUid", "seriesRef", "instanceNumber", "transferSyntaxUid",
        "rows", "columns", "numberOfFrames", "contentSha256", "sizeBytes", "storageKey", "metadata", "frames", "content",
        "bulkData", "datasetSha256", "channel", "senderLabel", "receivedAt", "studyId", "siteId", "actorId", "audit")
      AS (VALUES ${Prisma.join(values)}),
    stored AS (
      INSERT INTO "DicomInstance" ("id", "sopInstanceUid", "sopClassUid", "seriesRef", "instanceNumber", "transferSyntaxUid",
        "rows", "columns", "numberOfFrames", "contentSha256", "sizeBytes", "storageKey", "metadata", "frames", "content",
        "bulkData", "datasetSha256", "channel", "senderLabel", "receivedAt")
      SELECT i."id", i."sopInstanceUid", i."sopClassUid", i."seriesRef", i."instanceNumber", i."transferSyntaxUid",
        i."rows", i."columns", i."numberOfFrames", i."contentSha256", i."sizeBytes", i."storageKey", i."metadata", i."frames", i."content",
        i."bulkData", i."datasetSha256", i."channel", i."senderLabel", i."receivedAt"
      FROM input i
      WHERE EXISTS (
        SELECT 1 FROM "DicomStudy" s LEFT JOIN "ReadingRequest" r ON r."id" = s."requestId"
        WHERE s."id" = i."studyId" AND s."siteId" = i."siteId"
          AND CASE
            WHEN s."requestId" IS NOT NULL THEN NOT (s."linkState" IS NOT DISTINCT FROM 'LINKED' AND r."status"::text = ANY(${afterSigning}::text[]) AND r."imagesAfterSigningAt" IS NULL)
            WHEN s."accessionNumber" IS NULL OR s."accessionNumber" = '' THEN TRUE
            ELSE NOT EXISTS (SELECT 1 FROM "ReadingRequest" q WHERE q."siteId" = i."siteId"
              AND (q."accessionNumber" = s."accessionNumber" OR q."siteAccessionNumber" = s."accessionNumber"))
          END)
      ON CONFLICT ("sopInstanceUid") DO NOTHING
      RETURNING "sopInstanceUid"
    )
    INSERT INTO "AuditLog" ("actorId", "action", "entityType", "entityId", "siteId", "detail", "at")
    SELECT i."actorId", 'DICOM_INSTANCE_STORED', 'DicomInstance', st."sopInstanceUid", i."siteId", i."audit", i."receivedAt"
    FROM stored st JOIN input i ON i."sopInstanceUid" = st."sopInstanceUid"
    RETURNING "entityId"`;
  return new Set(inserted.map((row) => row.entityId));
}
