// A STOW-RS sender (PS3.18 10.5) as a site's PACS gateway would be: instances in batches of
// `batchSize` per multipart/related request, `parallel` requests in flight over keep-alive
// connections. The same client and the same bodies for every server compared.
import { randomBytes } from "node:crypto";
import { Agent } from "node:http";
import { clock } from "./clock";
import { exchange, mapLimit } from "./http-exchange";

export interface StowOptions {
  /** The DICOMweb base, e.g. http://127.0.0.1:3300/dicomweb; requests go to <base>/studies. */
  dicomwebUrl: string;
  headers?: Record<string, string>;
  batchSize: number;
  parallel: number;
}

export interface StowRun {
  instances: number;
  requests: number;
  /** Instances the answers list as stored (ReferencedSOPSequence). */
  stored: number;
  /** Instances refused, or lost in a failed request; the first messages are in `errors`. */
  failed: number;
  errors: string[];
  elapsedMs: number;
}

const REFERENCED_SOP_SEQUENCE = "00081199";
const FAILED_SOP_SEQUENCE = "00081198";

/** Bodies are built before the clock starts: the figure is the servers', not our concatenation. */
function multipartBodies(instances: readonly Uint8Array[], batchSize: number): { boundary: string; bodies: Buffer[] } {
  const boundary = `bench-${randomBytes(12).toString("hex")}`;
  const bodies: Buffer[] = [];
  for (let start = 0; start < instances.length; start += batchSize) {
    const parts: Buffer[] = [];
    for (const bytes of instances.slice(start, start + batchSize)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\nContent-Length: ${bytes.byteLength}\r\n\r\n`));
      parts.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      parts.push(Buffer.from("\r\n"));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    bodies.push(Buffer.concat(parts));
  }
  return { boundary, bodies };
}

function sequenceLength(answer: unknown, tag: string): number {
  const element = (answer as Record<string, { Value?: unknown[] } | undefined> | null)?.[tag];
  return Array.isArray(element?.Value) ? element.Value.length : 0;
}

export async function stowInstances(instances: readonly Uint8Array[], options: StowOptions): Promise<StowRun> {
  const { boundary, bodies } = multipartBodies(instances, options.batchSize);
  const agent = new Agent({ keepAlive: true, maxSockets: options.parallel });
  const headers = {
    ...options.headers,
    "content-type": `multipart/related; type="application/dicom"; boundary=${boundary}`,
    accept: "application/dicom+json",
  };
  const errors: string[] = [];
  let stored = 0;
  let failed = 0;
  const started = clock();
  try {
    await mapLimit(bodies, options.parallel, async (body, index) => {
      const inBatch = Math.min(options.batchSize, instances.length - index * options.batchSize);
      try {
        const answer = await exchange(`${options.dicomwebUrl}/studies`, { method: "POST", headers, body, agent, keepBody: true });
        const json: unknown = answer.body.length > 0 ? JSON.parse(answer.body.toString("utf8")) : null;
        // A non-2xx answer stored nothing the sender may rely on, whatever its body lists.
        const ok = answer.status >= 200 && answer.status < 300 ? sequenceLength(json, REFERENCED_SOP_SEQUENCE) : 0;
        stored += ok;
        failed += inBatch - ok;
        if (ok < inBatch && errors.length < 5) {
          errors.push(`HTTP ${answer.status}, ${sequenceLength(json, FAILED_SOP_SEQUENCE)} failed: ${answer.body.toString("utf8").slice(0, 300)}`);
        }
      } catch (error) {
        failed += inBatch;
        if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
      }
    });
  } finally {
    agent.destroy();
  }
  return { instances: instances.length, requests: bodies.length, stored, failed, errors, elapsedMs: clock() - started };
}
