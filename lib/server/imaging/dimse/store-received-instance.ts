import "server-only";
import { isValidUid } from "@/lib/dicom/uid";
import type { ImageDeps } from "../runtime/image-deps";
import { ingestInstance } from "../ingest/ingest-instance";
import { CANNOT_UNDERSTAND, failureAnswer, OUT_OF_RESOURCES, storeAnswerOf, type StoreAnswer } from "./dimse-status";
import type { DatasetCollector } from "./dataset-collector";
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from "./dimse-library";
import type { AeSender } from "./find-sender-by-ae";
import { part10FromDataset } from "../../../dicom/part10-from-dataset";

// One C-STORE: the received data set becomes a Part 10 file and goes through the same ingest
// as uploads and STOW-RS. Always resolves with the status to answer: a refusal and an
// infrastructure failure are both answers, never exceptions, so one instance cannot stop the
// association or the process.

export interface ReceivedStore {
  callingAeTitle: string;
  sender: AeSender;
  /** Affected SOP Class / Instance UIDs of the C-STORE request. */
  sopClassUid: string | undefined;
  sopInstanceUid: string | undefined;
  dataset: DatasetCollector;
}

export async function storeReceivedInstance(deps: ImageDeps, received: ReceivedStore, log: (line: string) => void): Promise<StoreAnswer> {
  const { dataset, sopClassUid, sopInstanceUid } = received;
  if (dataset.transferSyntaxUid === null) return failureAnswer(CANNOT_UNDERSTAND, "presentation context was not accepted");
  if (dataset.overflowed) {
    return failureAnswer(OUT_OF_RESOURCES, `instance exceeds the ${deps.maxInstanceBytes}-byte limit`);
  }
  // Checked here because they go into the meta header; the dataset's own UIDs are checked by the ingest.
  if (!sopClassUid || !sopInstanceUid || !isValidUid(sopClassUid) || !isValidUid(sopInstanceUid)) {
    return failureAnswer(CANNOT_UNDERSTAND, "invalid Affected SOP Class or Instance UID");
  }

  const bytes = part10FromDataset({
    sopClassUid,
    sopInstanceUid,
    transferSyntaxUid: dataset.transferSyntaxUid,
    sourceAeTitle: received.callingAeTitle,
    implementationClassUid: IMPLEMENTATION_CLASS_UID,
    implementationVersionName: IMPLEMENTATION_VERSION_NAME,
    chunks: dataset.chunks,
  });
  // The chunks are copied; drop them now rather than when the request object goes.
  dataset.chunks.length = 0;

  const callingAe = received.callingAeTitle.trim();
  try {
    const outcome = await ingestInstance(
      deps,
      { channel: "CSTORE", siteId: received.sender.siteId, senderLabel: senderLabel(callingAe, received.sender.label), actorId: null },
      bytes,
      { handOver: true },
    );
    if (outcome.status === "refused") log(`C-STORE from ${callingAe} refused (${outcome.code}): ${outcome.message}`);
    return storeAnswerOf(outcome);
  } catch (error) {
    log(`C-STORE from ${callingAe} failed (${sopInstanceUid}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return failureAnswer(OUT_OF_RESOURCES, "temporary failure storing the instance, retry later");
  }
}

/** Senders' labels may use the whole 200 characters the stored label allows: the AE title stays whole. */
const MAX_SENDER_LABEL = 200;

function senderLabel(callingAe: string, label: string): string {
  const full = `AE ${callingAe} (${label})`;
  if (full.length <= MAX_SENDER_LABEL) return full;
  return `AE ${callingAe} (${label.slice(0, MAX_SENDER_LABEL - callingAe.length - 7)}…)`;
}
