import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "../../db/client";
import type { ParsedForIndex } from "../parsing/parse-messages";
import type { IngestSource } from "../runtime/image-deps";

/**
 * The instance's index row and its audit row in one statement. This is the hot path of every
 * ingest (hundreds of instances per study): Prisma's JSON handling of the ~20 KB metadata cost
 * more than the insert itself, so the metadata goes to PostgreSQL as one jsonb parameter, the
 * JSON text the parse worker wrote (no deep object crosses threads or is serialised here).
 *
 * With `onlyIf` (a SQL condition), the statement inserts nothing when the condition is false or
 * the SOP Instance UID is already stored (no error): it resolves with the number of rows
 * inserted, 0 or 1. Without it, a stored UID is a unique violation, as any insert.
 */
export async function insertInstanceRow(
  db: Tx | Db,
  args: { source: IngestSource; parsed: ParsedForIndex; seriesId: string; file: { sha256: string; key: string; size: number }; at: Date; onlyIf?: Prisma.Sql },
): Promise<number> {
  const { source, parsed, seriesId, file, at, onlyIf } = args;
  // Warnings (text that could not be decoded, padded pixel data) are kept with the audit row: stored, and told.
  const audit = JSON.stringify({
    channel: source.channel,
    sender: source.senderLabel,
    study: parsed.studyInstanceUid,
    bytes: file.size,
    ...(parsed.warnings.length > 0 ? { warnings: parsed.warnings.slice(0, 20).map((warning) => warning.slice(0, 300)) } : {}),
  });
  // INSERT … SELECT (rather than VALUES) so that the guarded form can insert nothing; the
  // parameters are still typed from the target columns, the casts only say what is meant.
  return db.$executeRaw`
    WITH stored AS (
      INSERT INTO "DicomInstance" ("id", "sopInstanceUid", "sopClassUid", "seriesRef", "instanceNumber", "transferSyntaxUid",
        "rows", "columns", "numberOfFrames", "contentSha256", "sizeBytes", "storageKey", "metadata", "frames", "content",
        "bulkData", "datasetSha256", "channel", "senderLabel", "receivedAt")
      SELECT ${randomUUID()}::uuid, ${parsed.sopInstanceUid}::varchar, ${parsed.sopClassUid}::varchar, ${seriesId}::uuid, ${parsed.instance.number}::int,
        ${parsed.transferSyntaxUid}::varchar, ${parsed.instance.rows}::int, ${parsed.instance.columns}::int, ${parsed.instance.numberOfFrames}::int,
        ${file.sha256}::char(64), ${file.size}::int, ${file.key}::varchar, ${parsed.metadataJson}::jsonb, ${JSON.stringify(parsed.frames)}::jsonb,
        ${parsed.content}::"InstanceContent", ${JSON.stringify(parsed.bulkData)}::jsonb, ${parsed.datasetSha256}::char(64),
        ${source.channel}::"IngestChannel", ${source.senderLabel}::varchar, ${at}
      WHERE ${onlyIf ?? Prisma.sql`TRUE`}
      ${onlyIf ? Prisma.sql`ON CONFLICT ("sopInstanceUid") DO NOTHING` : Prisma.empty}
      RETURNING "sopInstanceUid"
    )
    INSERT INTO "AuditLog" ("actorId", "action", "entityType", "entityId", "siteId", "detail", "at")
    SELECT ${source.actorId}::uuid, 'DICOM_INSTANCE_STORED', 'DicomInstance', "sopInstanceUid", ${source.siteId}::uuid, ${audit}::jsonb, ${at}
    FROM stored`;
}
