// Worker thread body: decodes and renders one frame (or transcodes one file) per message, off
// the request thread (render-pool.ts gives each task a deadline and each worker a heap ceiling).
import { parentPort } from "node:worker_threads";
import { Transcoder } from "dcmjs-codecs";
import { decodeFrame, ensureCodecs } from "./decode-frame";
import { CannotRender } from "./display-image";
import { renderFrame } from "./render-frame";
import type { WorkerReady, WorkReply, WorkTask } from "./render-messages";

// The codecs and dcmjs write every oddity of a file to the console; the outcome goes back as a reason.
console.warn = () => undefined;
console.log = () => undefined;

const EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

async function perform(task: WorkTask): Promise<ArrayBuffer> {
  const input = new Uint8Array(task.buffer);
  const { request } = task;
  switch (request.kind) {
    case "render":
      return ownBuffer(await renderFrame(request, input));
    case "decode":
      return ownBuffer((await decodeFrame(request.description, request.syntaxUid, input)).bytes);
    case "transcode": {
      await ensureCodecs();
      const transcoder = new Transcoder(task.buffer);
      transcoder.transcode(EXPLICIT_VR_LITTLE_ENDIAN);
      return transcoder.getDicomPart10();
    }
    default: {
      const unreachable: never = request;
      return unreachable;
    }
  }
}

function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  // A copy into its own buffer: a small Buffer is a view into Node's shared pool (and Buffer#slice does not copy).
  return new Uint8Array(bytes).buffer;
}

parentPort?.on("message", (task: WorkTask) => {
  perform(task).then(
    (buffer) => {
      const reply: WorkReply = { id: task.id, ok: true, buffer };
      parentPort?.postMessage(reply, [buffer]);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error)?.slice(0, 300) ?? "unknown failure";
      const reply: WorkReply = { id: task.id, ok: false, unrenderable: error instanceof CannotRender || error instanceof RangeError, message };
      parentPort?.postMessage(reply);
    },
  );
});

const ready: WorkerReady = { ready: true };
parentPort?.postMessage(ready);
