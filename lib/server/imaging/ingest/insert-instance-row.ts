import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../../db/client";
import type { ParsedForIndex } from "../parsing/parse-messages";
import type { IngestSource } from "../runtime/image-deps";

/**
 * The detail of a DICOM_INSTANCE_STORED audit row, as JSON text. Warnings (text that could not
 * be decoded, padded pixel data) are kept with it: stored, and told.
 */
export function storedAuditDetail(source: IngestSource, parsed: ParsedForIndex, bytes: number): string {
  return JSON.stringify({
    channel: source.channel,
    sender: source.senderLabel,
    study: parsed.studyInstanceUid,
    bytes,
    ...(parsed.warnings.length > 0 ? { warnings: parsed.warnings.slice(0, 20).map((warning) => warning.slice(0, 300)) } : {}),
  });
}

/**
 * The instance's index row and its audit row in one statement. This is the hot path of every
 * ingest (hundreds of instances per study): Prisma's JSON handling of the ~20 KB metadata cost
 * more than the insert itself, so the metadata goes to PostgreSQL as one jsonb parameter, the
 * JSON text the parse worker wrote (no deep object crosses threads or is serialised here).
 * A stored SOP Instance UID is a unique violation, as for any insert.
 */
export async function insertInstanceRow(
  db: Tx | Db,
  args: { source: IngestSource; parsed: ParsedForIndex; seriesId: string; file: { sha256: string; key: string; size: number }; at: Date },
): Promise<number> {
  const { source, parsed, seriesId, file, at } = args;
  const audit = storedAuditDetail(source, parsed, file.size);
  // The casts only say what is meant: the parameters are typed from the target columns.
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
      RETURNING "sopInstanceUid"
    )
    INSERT INTO "AuditLog" ("actorId", "action", "entityType", "entityId", "siteId", "detail", "at")
    SELECT ${source.actorId}::uuid, 'DICOM_INSTANCE_STORED', 'DicomInstance', "sopInstanceUid", ${source.siteId}::uuid, ${audit}::jsonb, ${at}
    FROM stored`;
}
