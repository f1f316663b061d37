// Worker thread body: parses one instance per message. Kept apart from the request thread so
// that a hostile file costs at most its time and memory budget (see parse-pool.ts).
import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
import dcmjs from "dcmjs";
import { isDicomRejection } from "../../../dicom/dicom-rejection";
import { attributesDigest } from "../../../dicom/dataset-digest";
import { parseInstance, readDecodedDataset } from "../../../dicom/parse-instance";
import { decodedPixelDigest } from "./decoded-pixel-digest";
import type { ParseReply, ParseTask, WorkerReady } from "./parse-messages";

dcmjs.log.setLevel("error");
// dcmjs also writes straight to the console about every oddity of a damaged file; the
// outcome goes back to the caller as a refusal reason, so the server log stays readable.
console.warn = () => undefined;
console.log = () => undefined;

parentPort?.on("message", (task: ParseTask) => void handle(task));

async function handle(task: ParseTask): Promise<void> {
  const bytes = new Uint8Array(task.buffer);
  let reply: ParseReply;
  try {
    const parsed = parseInstance(bytes);
    const decoded = task.decodePixels
      ? { attributes: attributesDigest(readDecodedDataset(bytes).dataSet), pixels: await decodedPixelDigest(bytes, parsed) }
      : undefined;
    // The metadata leaves as the JSON text it is stored as (parse-messages.ts: ParsedForIndex).
    const { metadata, ...rest } = parsed;
    // The file's own digest (its name in the archive) is taken here too, off the request thread.
    const fileSha256 = createHash("sha256").update(bytes).digest("hex");
    reply = { id: task.id, ok: true, parsed: { ...rest, metadataJson: JSON.stringify(metadata) }, fileSha256, ...(decoded ? { decoded } : {}), buffer: task.buffer };
  } catch (error) {
    reply = isDicomRejection(error)
      ? { id: task.id, ok: false, code: error.code, message: error.message, buffer: task.buffer }
      : { id: task.id, ok: false, code: "MALFORMED", message: `unreadable dataset: ${String(error).slice(0, 200)}`, buffer: task.buffer };
  }
  // The bytes go back to the caller, who stores them: transferred both ways, never copied.
  parentPort?.postMessage(reply, [task.buffer]);
}

const ready: WorkerReady = { ready: true };
parentPort?.postMessage(ready);
