import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertReadAuditsWritable, bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";

// Queries and retrievals by a site's DICOM node read patient data: each is audited with the
// site, the calling AE (and its registered sender), the keys, the studies and the counts. There
// is no user behind them (actorId null): the sender row names who is answerable.

export interface QueryRetrieveAudit {
  action: "DICOM_QUERY" | "DICOM_RETRIEVE";
  siteId: string;
  senderId: string;
  callingAeTitle: string;
  studyUids: readonly string[];
  detail: Record<string, Prisma.InputJsonValue>;
}

/** Throws (the read is then refused) while earlier reads could not be recorded. */
export function assertQueryRetrieveAuditable(): void {
  assertReadAuditsWritable();
}

export function auditQueryRetrieve(db: Db, entry: QueryRetrieveAudit): void {
  bufferReadAudit(db, {
    actorId: null,
    action: entry.action,
    entityType: "DicomStudy",
    entityId: entry.studyUids.length === 1 ? entry.studyUids[0] : null,
    siteId: entry.siteId,
    detail: {
      senderId: entry.senderId,
      callingAeTitle: entry.callingAeTitle,
      ...entry.detail,
      studyCount: entry.studyUids.length,
      // Enough to answer "who had this study" without an unbounded row.
      studies: entry.studyUids.slice(0, 200),
    },
  });
}
