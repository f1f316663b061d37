import "server-only";
import { readMetaHeader } from "@/lib/dicom/read-meta-header";
import type { ArchiveStorage } from "../archive/archive-storage";
import { parsedDataset, storedDataset } from "./dimse-datasets";
import type { RetrieveTarget } from "./find-retrieve-targets";
import { CStoreRequest } from "./qr-dimse";
import { type AcceptedStoreContext, chooseEncoding, countOutcome, failRemaining, type SubOperationCounts } from "./sub-operations";

// The C-STORE sub-operations of a C-MOVE (to the destination, on an association of our own) or a
// C-GET (back to the peer, on its association), one instance at a time: each file is read from
// the archive only when its turn comes, so a large study never sits in memory whole.

type StoreRequest = InstanceType<typeof CStoreRequest>;

export interface StoreSink {
  /** The storage contexts the receiver accepted. */
  accepted(): AcceptedStoreContext[];
  /** Sends one C-STORE; resolves with the receiver's status, rejects when the association is gone. */
  store(request: StoreRequest): Promise<number>;
}

export interface SubOperationRun {
  archive: ArchiveStorage;
  targets: readonly RetrieveTarget[];
  sink: StoreSink;
  counts: SubOperationCounts;
  isCancelled: () => boolean;
  /** After each sub-operation: the pending response's counts. */
  onProgress: (counts: SubOperationCounts) => void;
  /** C-MOVE only: the Move Originator AE Title and Message ID each C-STORE carries (PS3.7 9.1.1.1). */
  moveOriginator?: { aeTitle: string; messageId: number };
  log: (line: string) => void;
}

export type RunEnd = "done" | "cancelled" | "association-lost";

export async function runSubOperations(run: SubOperationRun): Promise<RunEnd> {
  const { targets, counts } = run;
  for (let index = 0; index < targets.length; index++) {
    if (run.isCancelled()) return "cancelled";
    const target = targets[index]!;
    const request = await buildRequest(run, target);
    if (!request) {
      countOutcome(counts, target.sopInstanceUid, null);
      run.onProgress(counts);
      continue;
    }
    let status: number;
    try {
      status = await run.sink.store(request);
    } catch (error) {
      run.log(`C-STORE sub-operations stopped: ${error instanceof Error ? error.message : String(error)}`);
      failRemaining(counts, targets.slice(index).map((t) => t.sopInstanceUid));
      return "association-lost";
    }
    countOutcome(counts, target.sopInstanceUid, status);
    run.onProgress(counts);
  }
  return "done";
}

async function buildRequest(run: SubOperationRun, target: RetrieveTarget): Promise<StoreRequest | null> {
  let bytes: Buffer;
  try {
    bytes = await run.archive.get(target.storageKey);
  } catch (error) {
    run.log(`instance ${target.sopInstanceUid} not read from the archive: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  try {
    return requestFor(run, target, bytes);
  } catch (error) {
    // A stored file the archive can no longer read as DICOM: this instance fails, the others go on.
    run.log(`instance ${target.sopInstanceUid} not sent: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function requestFor(run: SubOperationRun, target: RetrieveTarget, bytes: Buffer): StoreRequest | null {
  const meta = readMetaHeader(bytes);
  const encoding = chooseEncoding(run.sink.accepted(), target.sopClassUid, meta.transferSyntaxUid);
  if (encoding.kind === "none") {
    run.log(`instance ${target.sopInstanceUid} not sent: ${encoding.reason}`);
    return null;
  }
  const dataset =
    encoding.kind === "as-stored"
      ? storedDataset(bytes, meta.datasetOffset, meta.transferSyntaxUid, target.sopClassUid, target.sopInstanceUid)
      : parsedDataset(bytes, meta.datasetOffset, meta.transferSyntaxUid);
  const request = new CStoreRequest(dataset);
  // The UIDs of the archive's row: a parsed data set could read them otherwise.
  request.setAffectedSopClassUid(target.sopClassUid);
  request.setAffectedSopInstanceUid(target.sopInstanceUid);
  if (run.moveOriginator) {
    const command = request.getCommandDataset();
    command.setElement("MoveOriginatorApplicationEntityTitle", run.moveOriginator.aeTitle);
    command.setElement("MoveOriginatorMessageID", run.moveOriginator.messageId as unknown as string); // US: the typings say string
  }
  return request;
}
