import "server-only";
import { DicomRejection, isDicomRejection, type DicomRejectionCode } from "@/lib/dicom/dicom-rejection";
import { isAfterSigning } from "@/lib/domain/image-arrival";
import { Prisma } from "@/lib/generated/prisma/client";
import { instanceKey } from "../archive/archive-storage";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db/client";
import { afterCommit } from "../../use-cases/after-commit";
import type { ParsedForIndex } from "../parsing/parse-messages";
import type { ImageDeps, IngestSource } from "../runtime/image-deps";
import { inflateIfDeflated } from "./inflate-deflated";
import { insertInstanceRow } from "./insert-instance-row";
import { indexInKnownSeries } from "./index-in-known-series";
import { knownSeriesOf, placeInSeries, rememberSeries } from "./place-in-series";
import { linkStudyInTx } from "../studies/link-study-in-tx";
import { recordImageMilestone } from "../studies/request-image-milestone";

export interface StoredInstance {
  status: "stored" | "already-stored";
  /** Accepted oddities (text that could not be decoded, padded pixel data), also in the audit row. */
  warnings?: string[];
  sopInstanceUid: string;
  sopClassUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
}

export interface RefusedInstance {
  status: "refused";
  code: DicomRejectionCode;
  message: string;
  sopInstanceUid: string | null;
  sopClassUid: string | null;
}

export type IngestOutcome = StoredInstance | RefusedInstance;

/**
 * One DICOM instance into the archive, whichever way it came (upload, STOW-RS, C-STORE):
 * structural checks, a parse in a worker, the file stored under its content hash, then the
 * index rows, the link to a request by accession number and the request's timeline in one
 * transaction. Idempotent on SOP Instance UID: the same dataset again (any channel, sender,
 * File Meta Information or VR encoding) is "already stored" and the first copy kept; another
 * dataset under the same UID is refused (CONFLICT) and audited. Never throws for bad input.
 */
export async function ingestInstance(deps: ImageDeps, source: IngestSource, input: Uint8Array, options?: { handOver?: boolean }): Promise<IngestOutcome> {
  let parsed: ParsedForIndex;
  let bytes: Uint8Array;
  let sha256: string;
  try {
    if (input.byteLength > deps.maxInstanceBytes) {
      throw new DicomRejection("TOO_LARGE", `instance of ${input.byteLength} bytes exceeds the ${deps.maxInstanceBytes}-byte limit`);
    }
    // The cheap structural check (meta header) first; a deflated file is inflated to be stored.
    const received = await inflateIfDeflated(input, deps.maxInstanceBytes);
    // handOver: the caller (STOW-RS, C-STORE) gives its buffer away, which saves a copy of each
    // instance (an inflated file is a buffer of our own, given away too).
    ({ parsed, bytes, sha256 } = await deps.parser.parse(received, { handOver: received !== input || options?.handOver === true }));
  } catch (error) {
    if (!isDicomRejection(error)) throw error;
    return refuse(deps, source, error, null);
  }

  const key = instanceKey(sha256);
  // No duplicate check before: the insert itself finds a stored SOP Instance UID (a unique
  // violation, or nothing inserted by the one-statement path), which is then compared with the
  // stored copy as before; a file written for nothing is removed (removeUnreferenced).
  await deps.archive.put(key, bytes);
  const file = { sha256, key, size: bytes.byteLength };
  const known = knownSeriesOf(parsed.seriesInstanceUid);
  if (known) {
    // Never throws: a failed statement answers false, and the full path below tries again.
    if (await indexInKnownSeries(deps.db, { source, parsed, placed: known, file, at: new Date() })) {
      await touchStudy(deps, known.studyId);
      // One statement that committed by itself: no transaction for runUseCase to own.
      afterCommit((effects) => effects.studyChanged(source.siteId));
      return stored("stored", parsed);
    }
    // Anything more to do (a link, a flag, another site, the UID already stored): the full path.
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const changed = await deps.db.$transaction((tx) => indexInstance(tx, source, parsed, file), {
        timeout: 20_000,
      });
      // Remembered only once committed: a rolled-back series row must be created again.
      rememberSeries(parsed.seriesInstanceUid, changed.placed);
      await touchStudy(deps, changed.placed.studyId);
      // Announced once the study's last arrival is touched too (outside the transaction, above),
      // so a refetch the hint causes already sees it: hence afterCommit rather than runUseCase.
      afterCommit((effects) => {
        if (changed.requestId) effects.requestChanged(changed.requestId, source.siteId);
        effects.studyChanged(source.siteId);
      });
      return stored("stored", parsed);
    } catch (error) {
      if (isUniqueViolation(error)) {
        // The same UID is already stored (sent again, or by a concurrent sender first): answer
        // as if it had come first; the file just written goes unless it is the stored copy.
        const raced = await compareWithStored(deps, source, parsed, sha256, bytes);
        if (raced) {
          await removeUnreferenced(deps, key, sha256);
          return raced;
        }
        // Two first instances of one study or series met: the second attempt finds the rows.
        if (attempt < 3) continue;
      }
      await removeUnreferenced(deps, key, sha256);
      if (isDicomRejection(error)) return refuse(deps, source, error, parsed);
      throw error;
    }
  }
}

/**
 * The same SOP Instance again is "already stored" when its dataset is the same, whatever its
 * File Meta Information (another sender, AE title, implementation) or its VR encoding
 * (dataset-digest.ts); the first copy is kept. Another dataset under the same UID is a conflict.
 * Rows stored before the dataset digest existed compare by file only.
 */
async function compareWithStored(deps: ImageDeps, source: IngestSource, parsed: ParsedForIndex, sha256: string, bytes: Uint8Array): Promise<IngestOutcome | null> {
  const existing = await deps.db.dicomInstance.findUnique({
    where: { sopInstanceUid: parsed.sopInstanceUid },
    select: {
      contentSha256: true,
      datasetSha256: true,
      transferSyntaxUid: true,
      storageKey: true,
      series: { select: { study: { select: { siteId: true } } } },
    },
  });
  if (!existing) return null;
  // Another site's instance is neither confirmed nor compared: answered as placeInSeries does.
  if (existing.series.study.siteId !== source.siteId) {
    return refuse(deps, source, new DicomRejection("FOREIGN_STUDY", `study ${parsed.studyInstanceUid} was received from another site`), parsed);
  }
  if (existing.contentSha256 === sha256 || existing.datasetSha256 === parsed.datasetSha256) return stored("already-stored", parsed);
  if (await samePixelsDecoded(deps, existing, parsed, bytes)) return stored("already-stored", parsed);
  await writeAudit(deps.db, {
    actorId: source.actorId,
    action: "DICOM_INSTANCE_CONFLICT",
    entityType: "DicomInstance",
    entityId: parsed.sopInstanceUid,
    siteId: source.siteId,
    detail: {
      channel: source.channel,
      sender: source.senderLabel,
      storedSha256: existing.contentSha256,
      receivedSha256: sha256,
      storedDatasetSha256: existing.datasetSha256,
      receivedDatasetSha256: parsed.datasetSha256,
    },
  });
  return {
    status: "refused",
    code: "CONFLICT",
    message: `SOP Instance UID ${parsed.sopInstanceUid} is already stored with different content`,
    sopInstanceUid: parsed.sopInstanceUid,
    sopClassUid: parsed.sopClassUid,
  };
}

/**
 * The same instance in another lossless compression (native, then RLE or JPEG-LS...): its
 * attributes and its pixels, both decoded in the parse worker, are the stored copy's. Only
 * tried when the transfer syntaxes differ, so a plain conflict costs no decoding; any failure
 * to decode answers "not the same" (a conflict, the first copy kept).
 */
async function samePixelsDecoded(
  deps: ImageDeps,
  existing: { transferSyntaxUid: string; storageKey: string },
  parsed: ParsedForIndex,
  bytes: Uint8Array,
): Promise<boolean> {
  if (existing.transferSyntaxUid === parsed.transferSyntaxUid) return false;
  try {
    const received = await deps.parser.parse(bytes, { decodePixels: true });
    if (!received.decoded?.pixels) return false;
    const kept = await deps.parser.parse(await deps.archive.get(existing.storageKey), { decodePixels: true });
    return kept.decoded?.pixels === received.decoded.pixels && kept.decoded.attributes === received.decoded.attributes;
  } catch {
    // A refusal, a timeout or an unreadable stored copy: not shown to be the same.
    return false;
  }
}

async function indexInstance(
  tx: Tx,
  source: IngestSource,
  parsed: ParsedForIndex,
  file: { sha256: string; key: string; size: number },
): Promise<{ requestId: string | null; placed: { seriesId: string; studyId: string } }> {
  const now = new Date();
  const { study, seriesId } = await placeInSeries(tx, source, parsed, now);
  const placed = { seriesId, studyId: study.id };
  await insertInstanceRow(tx, { source, parsed, seriesId, file, at: now });

  const by = { actorId: source.actorId, actorLabel: source.actorId ? null : source.senderLabel };
  if (study.requestId === null) {
    const requestId = await requestByAccession(tx, source.siteId, study.accessionNumber);
    if (!requestId) return { requestId: null, placed };
    // Two instances of one study may both get here: the study's row lock lets one link it.
    const locked = await tx.$queryRaw<{ requestId: string | null }[]>`SELECT "requestId" FROM "DicomStudy" WHERE "id" = ${study.id}::uuid FOR UPDATE`;
    if (locked[0]?.requestId) return { requestId: null, placed };
    await linkStudyInTx(tx, { studyId: study.id, requestId, method: "ACCESSION", by, confirmation: null });
    return { requestId, placed };
  }
  // Already linked: only images after signing change the request (re-checked under its lock).
  const request = study.request;
  if (study.linkState === "LINKED" && request && isAfterSigning(request.status) && !request.imagesAfterSigningAt) {
    await recordImageMilestone(tx, study.requestId, "received", by);
    return { requestId: study.requestId, placed };
  }
  return { requestId: null, placed };
}

/**
 * The study's last arrival, for the quiet-period completion. Outside the instance's transaction
 * so that the study row is not a lock every instance of the study waits on; a later arrival
 * never moves it back.
 */
async function touchStudy(deps: ImageDeps, studyId: string): Promise<void> {
  const now = new Date();
  // At most once a second per study from this process: a series arriving at 50-100 instances/s
  // otherwise pays one more database round trip per instance (a C-STORE waits for it). The
  // quiet period is counted in minutes, so a last arrival up to a second early changes nothing.
  const touched = recentlyTouched.get(studyId);
  if (touched !== undefined && now.getTime() - touched < TOUCH_EVERY_MS) return;
  if (recentlyTouched.size >= 10_000) recentlyTouched.clear();
  recentlyTouched.set(studyId, now.getTime());
  await deps.db.dicomStudy.updateMany({ where: { id: studyId, lastInstanceAt: { lt: now } }, data: { lastInstanceAt: now } });
}

const TOUCH_EVERY_MS = 1000;
const recentlyTouched = new Map<string, number>();


/** The request of this site whose accession (ours or the site's own) the study carries. */
async function requestByAccession(tx: Tx, siteId: string, accessionNumber: string | null): Promise<string | null> {
  if (!accessionNumber) return null;
  const request = await tx.readingRequest.findFirst({
    where: { siteId, OR: [{ accessionNumber }, { siteAccessionNumber: accessionNumber }] },
    orderBy: { submittedAt: "desc" },
    select: { id: true },
  });
  return request?.id ?? null;
}

async function refuse(deps: ImageDeps, source: IngestSource, rejection: DicomRejection, parsed: ParsedForIndex | null): Promise<RefusedInstance> {
  await writeAudit(deps.db, {
    actorId: source.actorId,
    action: "DICOM_INSTANCE_REFUSED",
    entityType: "DicomInstance",
    entityId: parsed?.sopInstanceUid ?? null,
    siteId: source.siteId,
    detail: { channel: source.channel, sender: source.senderLabel, code: rejection.code, message: rejection.message.slice(0, 500) },
  });
  return {
    status: "refused",
    code: rejection.code,
    message: rejection.message,
    sopInstanceUid: parsed?.sopInstanceUid ?? null,
    sopClassUid: parsed?.sopClassUid ?? null,
  };
}

/** After a failed index, the file goes unless another instance row stores the same bytes. */
async function removeUnreferenced(deps: ImageDeps, key: string, sha256: string): Promise<void> {
  const used = await deps.db.dicomInstance.count({ where: { contentSha256: sha256 } });
  if (used === 0) await deps.archive.delete(key);
}

function stored(status: StoredInstance["status"], parsed: ParsedForIndex): StoredInstance {
  return {
    status,
    warnings: parsed.warnings,
    sopInstanceUid: parsed.sopInstanceUid,
    sopClassUid: parsed.sopClassUid,
    studyInstanceUid: parsed.studyInstanceUid,
    seriesInstanceUid: parsed.seriesInstanceUid,
  };
}

/** A unique constraint refused a row: P2002 from Prisma's queries, SQLSTATE 23505 from a raw one. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  return error.code === "P2010" && JSON.stringify(error.meta ?? {}).includes("23505");
}
