import "server-only";
import { createRequire } from "node:module";
import dimse from "dcmjs-dimse";
import MemoryStream from "memorystream";

// The one place that loads dcmjs-dimse and sets its process-wide defaults. The package is a
// CommonJS bundle: Node's ESM loader only exposes it as a default export.

import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from "@/lib/dicom/part10-from-dataset";

export { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME };

// At its default level the library logs every PDU (and can log whole datasets) on the event loop.
dimse.log.setLevel("error");
dimse.Implementation.setImplementationClassUid(IMPLEMENTATION_CLASS_UID);
dimse.Implementation.setImplementationVersion(IMPLEMENTATION_VERSION_NAME);

// The library gathers each DIMSE command in a memorystream, whose toBuffer() calls the
// deprecated `new Buffer(size)`: Node then captures the call stack on each call (for its first
// 10,000) to decide whether to warn, ~0.4 ms per C-STORE on the request thread. The same bytes
// without the deprecated constructor; the prototype is shared by the three stream kinds.
const memoryStreamPrototype = Object.getPrototypeOf(MemoryStream.createWriteStream()) as { queue: Buffer[]; toBuffer(): Buffer };
memoryStreamPrototype.toBuffer = function toBuffer(this: { queue: Buffer[] }): Buffer {
  return Buffer.concat(this.queue);
};

// Each command the library answers (a C-STORE response, a C-ECHO response) is encoded through
// two dcmjs write streams made with the default size, 256 KB each: half a megabyte of buffers
// for a hundred bytes, per instance received. Those buffers are memory outside the JavaScript
// heap, and their churn set off a full garbage collection of the request thread every few
// instances (a quarter of its time during a C-STORE series). The same encoding with buffers
// of the size a command needs; dcmjs grows them if ever it needs more. The streams come from
// the copy of dcmjs the library itself loads.
const libraryDcmjs = createRequire(createRequire(import.meta.url).resolve("dcmjs-dimse"))("dcmjs") as {
  data: {
    WriteBufferStream: new (defaultSize?: number) => { size: number; getBuffer(): ArrayBuffer; concat(stream: unknown): void };
    DicomMessage: {
      write(elements: unknown, stream: unknown, syntax: string, options: unknown): void;
      writeTagObject(stream: unknown, tag: string, vr: string, value: number, syntax: string, options: unknown): void;
    };
    DicomMetaDictionary: { denaturalizeDataset(elements: unknown): unknown };
  };
};
const IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
const COMMAND_STREAM_BYTES = 1024;
const datasetPrototype = dimse.Dataset.prototype as unknown as { getElements(): unknown; getDenaturalizedCommandDataset(options: unknown): Buffer };
datasetPrototype.getDenaturalizedCommandDataset = function getDenaturalizedCommandDataset(this: { getElements(): unknown }, options: unknown): Buffer {
  const { WriteBufferStream, DicomMessage, DicomMetaDictionary } = libraryDcmjs.data;
  const elements = DicomMetaDictionary.denaturalizeDataset(this.getElements());
  const group = new WriteBufferStream(COMMAND_STREAM_BYTES);
  const body = new WriteBufferStream(COMMAND_STREAM_BYTES);
  DicomMessage.write(elements, body, IMPLICIT_VR_LITTLE_ENDIAN, options);
  // The command group length first (PS3.7 E.1), as the library writes it.
  DicomMessage.writeTagObject(group, "00000000", "UL", body.size, IMPLICIT_VR_LITTLE_ENDIAN, options);
  group.concat(body);
  return Buffer.from(group.getBuffer());
};

export const { Scp, Dataset } = dimse;
export const { CEchoResponse, CStoreResponse } = dimse.responses;
export const { CFindResponse } = dimse.responses;
export const { PresentationContextResult, RejectReason, RejectResult, RejectSource, Status } = dimse.constants;
export type { association, requests, responses } from "dcmjs-dimse";
