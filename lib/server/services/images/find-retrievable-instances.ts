import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import type { FrameRanges } from "@/lib/dicom/locate-frames";
import type { Db } from "../../db/client";
import { dataVersion } from "../../realtime/data-version";
import { auditStudyReadOnce } from "./audit-study-read";
import { visibleStudiesWhere } from "./study-scope";

export interface RetrievableInstance {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
  transferSyntaxUid: string;
  storageKey: string;
  frames: FrameRanges;
  metadata: DicomJsonDataset | null;
}

/**
 * The instances a WADO-RS request names (a study, a series or one instance), among the
 * studies the actor may see, in series then instance order. Empty means "not found": a
 * foreign study answers exactly like a missing one. Each retrieval is audited per study.
 */
export async function findRetrievableInstances(args: FindArgs): Promise<RetrievableInstance[]> {
  // Frames are the hot path: a viewer asks for every slice of a series, one request each. The
  // whole series is looked up once and remembered briefly; each frame request picks its instance.
  if (args.resource !== "frames" || !args.seriesUid || !args.sopUid || args.withMetadata) return lookUp(args);
  const seriesArgs = { ...args, sopUid: null };
  const key = cacheKey(seriesArgs);
  let cached = recent.get(key);
  if (!cached || cached.version !== dataVersion() || Date.now() - cached.at >= CACHE_MS) {
    const version = dataVersion();
    const found = await lookUpWithStudy(seriesArgs);
    if (recent.size >= CACHE_LIMIT) recent.clear();
    cached = { rows: new Map(found.rows.map((row) => [row.sopInstanceUid, row])), audit: found.audit, at: Date.now(), version };
    recent.set(key, cached);
  }
  const instance = cached.rows.get(args.sopUid);
  if (!instance) return [];
  auditOnce(args, [instance], cached.audit);
  return [instance];
}

interface FindArgs {
  db: Db;
  actor: Actor;
  studyUid: string;
  seriesUid: string | null;
  sopUid: string | null;
  withMetadata: boolean;
  resource: string;
}

type StudyRef = { id: string; siteId: string } | null;

// Keyed by everything that decides visibility (role, site, privileges), so a revoked
// privilege or a relink (which bumps the data version) is never served from memory.
const CACHE_MS = 10_000;
const CACHE_LIMIT = 5000;
const recent = new Map<string, { rows: Map<string, RetrievableInstance>; audit: StudyRef; at: number; version: number }>();

function cacheKey(args: FindArgs): string {
  const { actor } = args;
  return [actor.id, actor.role, actor.siteId ?? "", [...actor.readableSiteIds].sort().join(","), args.studyUid, args.seriesUid ?? "", args.sopUid ?? "", args.withMetadata].join("|");
}

function auditOnce(args: FindArgs, rows: RetrievableInstance[], study: StudyRef): void {
  if (study && rows.length > 0) auditStudyReadOnce(args.db, args.actor, { studyId: study.id, siteId: study.siteId, studyUid: args.studyUid, resource: args.resource });
}

async function lookUp(args: FindArgs): Promise<RetrievableInstance[]> {
  const { rows, audit } = await lookUpWithStudy(args);
  auditOnce(args, rows, audit);
  return rows;
}

async function lookUpWithStudy(args: FindArgs): Promise<{ rows: RetrievableInstance[]; audit: StudyRef }> {
  const { db, actor, studyUid, seriesUid, sopUid } = args;
  const rows = await db.dicomInstance.findMany({
    where: {
      ...(sopUid ? { sopInstanceUid: sopUid } : {}),
      series: {
        ...(seriesUid ? { seriesInstanceUid: seriesUid } : {}),
        study: { AND: [{ studyInstanceUid: studyUid }, visibleStudiesWhere(actor)] },
      },
    },
    orderBy: [{ series: { seriesNumber: "asc" } }, { instanceNumber: "asc" }, { sopInstanceUid: "asc" }],
    select: {
      sopInstanceUid: true,
      sopClassUid: true,
      transferSyntaxUid: true,
      storageKey: true,
      frames: true,
      metadata: args.withMetadata,
      series: { select: { seriesInstanceUid: true, study: { select: { id: true, siteId: true } } } },
    },
  });
  const study = rows[0]?.series.study ?? null;
  const found = rows.map((row) => ({
    studyInstanceUid: studyUid,
    seriesInstanceUid: row.series.seriesInstanceUid,
    sopInstanceUid: row.sopInstanceUid,
    sopClassUid: row.sopClassUid,
    transferSyntaxUid: row.transferSyntaxUid,
    storageKey: row.storageKey,
    frames: row.frames as FrameRanges,
    metadata: args.withMetadata ? (row.metadata as unknown as DicomJsonDataset) : null,
  }));
  return { rows: found, audit: study };
}
