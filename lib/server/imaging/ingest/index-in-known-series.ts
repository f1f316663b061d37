import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AFTER_SIGNING_STATUSES } from "@/lib/domain/image-arrival";
import type { Db } from "../../db/client";
import type { ParsedForIndex } from "../parsing/parse-messages";
import type { IngestSource } from "../runtime/image-deps";
import { insertInstanceRow } from "./insert-instance-row";

/**
 * The common case of ingest in one statement: an instance of a series already indexed (and
 * committed) by this process, whose study is this site's and asks nothing more of it — linked
 * to a request that images do not flag (not signed, or already flagged), or unlinked with no
 * request of the site carrying its accession number. The instance row and its audit row are
 * then written by one INSERT, committed on its own: one database round trip instead of five
 * (BEGIN, study read, insert, COMMIT, and the duplicate check before them).
 *
 * Resolves false, having written nothing, whenever anything else may be needed (a link to
 * make, a request to flag, another site's study, the SOP Instance UID already stored): the
 * caller then takes the full path (a transaction with its row locks, or the comparison with
 * the stored copy), exactly as without this shortcut. The condition is read in the same
 * statement as the insert, so a study linked or a request signed before it counts; one changed
 * after it is the same race as the full path's plain read of the study.
 */
export async function indexInKnownSeries(
  db: Db,
  args: { source: IngestSource; parsed: ParsedForIndex; placed: { seriesId: string; studyId: string }; file: { sha256: string; key: string; size: number }; at: Date },
): Promise<boolean> {
  const { source, placed } = args;
  const afterSigning = [...AFTER_SIGNING_STATUSES];
  const onlyIf = Prisma.sql`EXISTS (
    SELECT 1 FROM "DicomStudy" s LEFT JOIN "ReadingRequest" r ON r."id" = s."requestId"
    WHERE s."id" = ${placed.studyId}::uuid AND s."siteId" = ${source.siteId}::uuid
      AND CASE
        WHEN s."requestId" IS NOT NULL THEN NOT (s."linkState" IS NOT DISTINCT FROM 'LINKED' AND r."status"::text = ANY(${afterSigning}::text[]) AND r."imagesAfterSigningAt" IS NULL)
        WHEN s."accessionNumber" IS NULL OR s."accessionNumber" = '' THEN TRUE
        ELSE NOT EXISTS (SELECT 1 FROM "ReadingRequest" q WHERE q."siteId" = ${source.siteId}::uuid
          AND (q."accessionNumber" = s."accessionNumber" OR q."siteAccessionNumber" = s."accessionNumber"))
      END)`;
  const inserted = await insertInstanceRow(db, { ...args, seriesId: placed.seriesId, onlyIf });
  return inserted > 0;
}
