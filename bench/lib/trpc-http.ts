// tRPC calls on the wire exactly as the browser's httpBatchLink + superjson makes them
// (@trpc/client 11, links/internals/httpUtils getUrl/getBody), so the server does the same
// work for the bench as for a browser: same URL parsing, same batch handling, same transformer.
import { request, type Agent } from "node:http";
import superjson from "superjson";

interface Call {
  path: string;
  input: unknown;
}

/** `{"0": superjson(input0), "1": ...}`: httpBatchLink's batch input dictionary. */
function batchInput(calls: readonly Call[]): string {
  return JSON.stringify(Object.fromEntries(calls.map((call, index) => [String(index), superjson.serialize(call.input)])));
}

/** Queries go as GET /api/trpc/<p1>,<p2>?batch=1&input=<url-encoded batch input>. */
export function batchQueryPath(calls: readonly Call[]): string {
  return `/api/trpc/${calls.map((c) => c.path).join(",")}?batch=1&input=${encodeURIComponent(batchInput(calls))}`;
}

export type CallResult = { ok: true; data: unknown } | { ok: false; error: string };

/** A batch answer is an array of `{result:{data}}` or `{error}`, data superjson-encoded. */
export function decodeBatch(status: number, body: string): CallResult[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [{ ok: false, error: `HTTP ${status}: not JSON` }];
  }
  if (!Array.isArray(parsed)) return [{ ok: false, error: `HTTP ${status}: not a batch answer` }];
  return parsed.map((item: { result?: { data?: unknown }; error?: { json?: { message?: string } } }) => {
    if (item.result && "data" in item.result) {
      return { ok: true, data: superjson.deserialize(item.result.data as Parameters<typeof superjson.deserialize>[0]) };
    }
    return { ok: false, error: `HTTP ${status}: ${item.error?.json?.message ?? "error"}` };
  });
}

export interface HttpOptions {
  baseUrl: string;
  agent: Agent;
  cookie: string;
  signal?: AbortSignal;
}

/** One HTTP exchange through the caller's keep-alive agent (one agent per simulated browser). */
export function httpCall(
  options: HttpOptions,
  method: "GET" | "POST",
  urlPath: string,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { cookie: options.cookie, accept: "*/*" };
    // httpBatchLink sets content-type only when there is a body (mutations).
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    const req = request(
      new URL(urlPath, options.baseUrl),
      { method, agent: options.agent, headers, signal: options.signal },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function trpcQuery(options: HttpOptions, calls: readonly Call[]): Promise<CallResult[]> {
  const response = await httpCall(options, "GET", batchQueryPath(calls));
  return decodeBatch(response.status, response.body);
}

/** A mutation: POST /api/trpc/<path>?batch=1 with the batch input as the JSON body. */
export async function trpcMutation(options: HttpOptions, call: Call): Promise<CallResult> {
  const response = await httpCall(options, "POST", `/api/trpc/${call.path}?batch=1`, batchInput([call]));
  const [result] = decodeBatch(response.status, response.body);
  return result ?? { ok: false, error: `HTTP ${response.status}: empty batch answer` };
}
