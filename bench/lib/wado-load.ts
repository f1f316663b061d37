// WADO-RS frame retrieval as viewers do it (Cornerstone's DICOMweb loader: one request per
// frame, multipart/related octet-stream, transfer-syntax=*): `clients` concurrent viewers, each
// on its own keep-alive connection, each fetching every frame of the series once. Each viewer
// starts at its own offset in the stack so that they do not all ask for the same file at once.
import { Agent } from "node:http";
import { clock } from "./clock";
import { exchange } from "./http-exchange";

export const FRAME_ACCEPT = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';

export interface WadoLoadOptions {
  clients: number;
  headers?: Record<string, string>;
  /** An answer shorter than this is counted as an error (a 512² 16-bit frame is 524,288 bytes). */
  minFrameBytes: number;
}

export interface WadoLoadRun {
  clients: number;
  frames: number;
  /** Answer body bytes (frame data plus its multipart framing, ~150 bytes a frame). */
  bytes: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  /** Per-request round trips, ascending, ms. */
  latencies: number[];
}

export async function wadoFrameLoad(frameUrls: readonly string[], options: WadoLoadOptions): Promise<WadoLoadRun> {
  const headers = { ...options.headers, accept: FRAME_ACCEPT };
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  let firstError: string | null = null;
  const fail = (message: string) => {
    errors++;
    firstError ??= message;
  };

  const viewer = async (client: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const offset = Math.floor((client * frameUrls.length) / options.clients);
    try {
      for (let i = 0; i < frameUrls.length; i++) {
        const url = frameUrls[(offset + i) % frameUrls.length] as string;
        const sent = clock();
        try {
          const answer = await exchange(url, { headers, agent, keepBody: false });
          latencies.push(clock() - sent);
          bytes += answer.bytes;
          const type = answer.headers["content-type"] ?? "";
          if (answer.status !== 200) fail(`HTTP ${answer.status} for ${url}`);
          else if (!type.startsWith("multipart/related")) fail(`content type "${type}" for ${url}`);
          else if (answer.bytes < options.minFrameBytes) fail(`${answer.bytes} bytes for ${url}`);
        } catch (error) {
          fail(error instanceof Error ? error.message : String(error));
        }
      }
    } finally {
      agent.destroy();
    }
  };

  const started = clock();
  await Promise.all(Array.from({ length: options.clients }, (_, client) => viewer(client)));
  const elapsedMs = clock() - started;
  latencies.sort((a, b) => a - b);
  return { clients: options.clients, frames: options.clients * frameUrls.length, bytes, errors, firstError, elapsedMs, latencies };
}
