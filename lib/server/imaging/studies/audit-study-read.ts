import "server-only";
import type { Actor } from "@/lib/domain/access";
import { assertReadAuditsWritable, bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";

// A viewer opening a study makes hundreds of requests (metadata, then every frame). The
// trace needs "who read which study, when, through what": one row per actor, study and kind
// of resource per minute says that without writing a row per frame.
const WINDOW_MS = 60_000;
const recent = new Map<string, number>();

export function auditStudyReadOnce(db: Db, actor: Actor, read: { studyId: string; siteId: string; studyUid: string; resource: string }): void {
  // Even a read already recorded this minute is refused while the trace cannot be written.
  assertReadAuditsWritable();
  const key = `${actor.id}|${read.studyId}|${read.resource}`;
  const now = Date.now();
  const last = recent.get(key);
  if (last !== undefined && now - last < WINDOW_MS) return;
  if (recent.size > 10_000) {
    for (const [entry, at] of recent) if (now - at >= WINDOW_MS) recent.delete(entry);
  }
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "STUDY_READ",
    entityType: "DicomStudy",
    entityId: read.studyId,
    siteId: read.siteId,
    detail: { studyInstanceUid: read.studyUid, resource: read.resource },
  });
  recent.set(key, now);
}
