// Plain HTTP/1.1 exchanges over a caller's keep-alive agent, for DICOMweb clients: binary
// request bodies in, the answer either kept (small JSON) or only counted (pixel data), so the
// bench's own CPU and memory stay out of the servers' figures as far as possible.
import { request, type Agent, type IncomingHttpHeaders } from "node:http";

export interface ExchangeOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: Buffer;
  agent: Agent;
  /** Keep the answer's bytes (true) or only count them (false). */
  keepBody: boolean;
}

export interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  /** The answer's body when `keepBody`, else empty. */
  body: Buffer;
  /** Bytes of the answer's body (after any chunked decoding). */
  bytes: number;
}

export function exchange(url: string, options: ExchangeOptions): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body) headers["content-length"] = String(options.body.length);
    const req = request(url, { method: options.method ?? "GET", headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (options.keepBody) chunks.push(chunk);
      });
      res.once("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), bytes }));
      res.once("error", reject);
    });
    req.once("error", reject);
    req.end(options.body);
  });
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
