import "server-only";
import { randomUUID } from "node:crypto";
import type { ParsedInstance } from "@/lib/dicom/parse-instance";
import type { Tx } from "../../db/client";
import type { IngestSource } from "../runtime/image-deps";

/**
 * The instance's index row and its audit row in one statement. This is the hot path of every
 * ingest (hundreds of instances per study): Prisma's JSON handling of the ~20 KB metadata cost
 * more than the insert itself, so the metadata goes to PostgreSQL as one jsonb parameter.
 */
export async function insertInstanceRow(
  tx: Tx,
  args: { source: IngestSource; parsed: ParsedInstance; seriesId: string; file: { sha256: string; key: string; size: number }; at: Date },
): Promise<void> {
  const { source, parsed, seriesId, file, at } = args;
  // Warnings (text that could not be decoded, padded pixel data) are kept with the audit row: stored, and told.
  const audit = JSON.stringify({
    channel: source.channel,
    sender: source.senderLabel,
    study: parsed.studyInstanceUid,
    bytes: file.size,
    ...(parsed.warnings.length > 0 ? { warnings: parsed.warnings.slice(0, 20).map((warning) => warning.slice(0, 300)) } : {}),
  });
  await tx.$executeRaw`
    WITH stored AS (
      INSERT INTO "DicomInstance" ("id", "sopInstanceUid", "sopClassUid", "seriesRef", "instanceNumber", "transferSyntaxUid",
        "rows", "columns", "numberOfFrames", "contentSha256", "sizeBytes", "storageKey", "metadata", "frames", "content",
        "bulkData", "datasetSha256", "channel", "senderLabel", "receivedAt")
      VALUES (${randomUUID()}::uuid, ${parsed.sopInstanceUid}, ${parsed.sopClassUid}, ${seriesId}::uuid, ${parsed.instance.number},
        ${parsed.transferSyntaxUid}, ${parsed.instance.rows}, ${parsed.instance.columns}, ${parsed.instance.numberOfFrames},
        ${file.sha256}, ${file.size}, ${file.key}, ${JSON.stringify(parsed.metadata)}::jsonb, ${JSON.stringify(parsed.frames)}::jsonb,
        ${parsed.content}::"InstanceContent", ${JSON.stringify(parsed.bulkData)}::jsonb, ${parsed.datasetSha256},
        ${source.channel}::"IngestChannel", ${source.senderLabel}, ${at})
      RETURNING "sopInstanceUid"
    )
    INSERT INTO "AuditLog" ("actorId", "action", "entityType", "entityId", "siteId", "detail", "at")
    SELECT ${source.actorId}::uuid, 'DICOM_INSTANCE_STORED', 'DicomInstance', "sopInstanceUid", ${source.siteId}::uuid, ${audit}::jsonb, ${at}
    FROM stored`;
}
