import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import type { FrameRanges } from "@/lib/dicom/locate-frames";
import type { Db } from "../../db/client";
import { dataVersion } from "../../realtime/data-version";
import { auditStudyReadOnce } from "../studies/audit-study-read";
import { actorKey, studyViewAccess, type StudyViewAccess } from "../studies/study-view-access";

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

/** What a retrieval finds: the instances, or why not (403 for a study seen but not viewable, 404 otherwise). */
export type Retrieval = { kind: "found"; instances: RetrievableInstance[] } | Exclude<StudyViewAccess, { kind: "viewable" }>;

/**
 * The instances a WADO-RS request names (a study, a series or one instance), in series then
 * instance order, when the actor may view the study's images (study-view-access.ts). An empty
 * list means no such series or instance in it. Each retrieval is audited per study.
 */
export async function findRetrievableInstances(args: FindArgs): Promise<Retrieval> {
  // Frames are the hot path: a viewer asks for every slice of a series, one request each. The
  // whole series is looked up once and remembered briefly; each frame request picks its instance.
  if (args.resource !== "frames" || !args.seriesUid || !args.sopUid || args.withMetadata) return lookUp(args);
  const seriesArgs = { ...args, sopUid: null };
  const key = cacheKey(seriesArgs);
  let cached = recent.get(key);
  if (!cached || cached.version !== dataVersion() || Date.now() - cached.at >= CACHE_MS) {
    const version = dataVersion();
    const found = await lookUpWithStudy(seriesArgs);
    // A refusal is not kept here: study-view-access remembers it for two seconds only.
    if (found.access.kind !== "viewable") return found.access;
    if (recent.size >= CACHE_LIMIT) recent.clear();
    cached = { rows: new Map(found.rows.map((row) => [row.sopInstanceUid, row])), access: found.access, at: Date.now(), version };
    recent.set(key, cached);
  }
  const instance = cached.rows.get(args.sopUid);
  if (!instance) return { kind: "found", instances: [] };
  auditOnce(args, [instance], cached.access);
  return { kind: "found", instances: [instance] };
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

// Keyed by everything that decides access (role, site, privileges), so a revoked privilege,
// a claim or a relink (which bump the data version) is never served from memory.
const CACHE_MS = 10_000;
const CACHE_LIMIT = 5000;
const recent = new Map<string, { rows: Map<string, RetrievableInstance>; access: { studyId: string; siteId: string }; at: number; version: number }>();

function cacheKey(args: FindArgs): string {
  return [actorKey(args.actor), args.studyUid, args.seriesUid ?? "", args.sopUid ?? "", args.withMetadata].join("|");
}

function auditOnce(args: FindArgs, rows: RetrievableInstance[], study: { studyId: string; siteId: string }): void {
  if (rows.length > 0) auditStudyReadOnce(args.db, args.actor, { studyId: study.studyId, siteId: study.siteId, studyUid: args.studyUid, resource: args.resource });
}

async function lookUp(args: FindArgs): Promise<Retrieval> {
  const { rows, access } = await lookUpWithStudy(args);
  if (access.kind !== "viewable") return access;
  auditOnce(args, rows, access);
  return { kind: "found", instances: rows };
}

async function lookUpWithStudy(args: FindArgs): Promise<{ rows: RetrievableInstance[]; access: StudyViewAccess }> {
  const { db, actor, studyUid, seriesUid, sopUid } = args;
  const access = await studyViewAccess(db, actor, studyUid);
  if (access.kind !== "viewable") return { rows: [], access };
  const rows = await db.dicomInstance.findMany({
    where: {
      ...(sopUid ? { sopInstanceUid: sopUid } : {}),
      series: { ...(seriesUid ? { seriesInstanceUid: seriesUid } : {}), studyRef: access.studyId },
    },
    orderBy: [{ series: { seriesNumber: "asc" } }, { instanceNumber: "asc" }, { sopInstanceUid: "asc" }],
    select: {
      sopInstanceUid: true,
      sopClassUid: true,
      transferSyntaxUid: true,
      storageKey: true,
      frames: true,
      metadata: args.withMetadata,
      series: { select: { seriesInstanceUid: true } },
    },
  });
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
  return { rows: found, access };
}
