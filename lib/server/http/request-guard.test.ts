import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_MAX_BODY_BYTES } from "./body-limits";
import { guardBeforeListeners, guardRequest } from "./request-guard";
import { httpServerOptions } from "./server-timeouts";

// A real Node HTTP server with the product's guard and timeouts (short ones), driven by raw
// sockets as a hostile client would: oversized declared bodies, chunked bodies where they are
// not allowed, headers and bodies that never finish. The handler behind reads bodies as Next does.

let server: Server;
let port = 0;
const HEADERS_TIMEOUT_MS = 1000;
const BODY_TIMEOUT_MS = 800;

beforeAll(async () => {
  server = createServer(httpServerOptions({ headersTimeoutMs: HEADERS_TIMEOUT_MS, uploadTimeoutMs: 60_000 }), (req, res) => {
    if (!guardRequest(req, res, { stowMaxBytes: 1024 * 1024, bodyTimeoutMs: BODY_TIMEOUT_MS })) return;
    let size = 0;
    req.on("data", (chunk: Buffer) => (size += chunk.length));
    req.on("end", () => res.end(`read ${size}`));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw bytes, then collects what comes back until the server closes the connection. */
function exchange(raw: string, options: { keepSending?: boolean } = {}): Promise<{ text: string; elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let drip: NodeJS.Timeout | undefined;
    socket.on("connect", () => {
      socket.write(raw);
      // A slow loris: one byte every 200 ms, never the whole body.
      if (options.keepSending) drip = setInterval(() => socket.writable && socket.write("x"), 200);
    });
    socket.on("data", (chunk) => (text += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(drip);
      resolve({ text, elapsedMs: Date.now() - started });
    });
    setTimeout(() => reject(new Error(`no close within 10 s; got ${JSON.stringify(text)}`)), 10_000).unref();
  });
}

async function healthy(): Promise<string> {
  const answer = await fetch(`http://127.0.0.1:${port}/api/health`);
  return `${answer.status} ${await answer.text()}`;
}

describe("request guard and server timeouts", () => {
  it("answers 413 to a body declared over the route's limit, from its headers, and closes", async () => {
    const head = `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${AUTH_MAX_BODY_BYTES * 1000}\r\n\r\n`;
    const { text } = await exchange(`${head}email=a`);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text.toLowerCase()).toContain("connection: close");
    expect(await healthy()).toBe("200 read 0");
  });

  it("answers 411 to a chunked body on a route whose handler reads bodies whole", async () => {
    const { text } = await exchange("POST /api/auth/signout HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 411 /);
  });

  it("closes a connection whose headers never finish (slow loris on headers)", async () => {
    const { text, elapsedMs } = await exchange("GET /worklist HTTP/1.1\r\nHost: x\r\nX-Slow: ", { keepSending: true });
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(elapsedMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(elapsedMs).toBeLessThan(HEADERS_TIMEOUT_MS + 2500);
    expect(await healthy()).toBe("200 read 0");
  });

  it("answers 408 and closes when a body dribbles in slower than its deadline (slow loris on the body)", async () => {
    const { text, elapsedMs } = await exchange("POST /api/trpc/requests.submit HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{", { keepSending: true });
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(elapsedMs).toBeLessThan(BODY_TIMEOUT_MS + 1500);
    expect(await healthy()).toBe("200 read 0");
  });

  it("lets a body within its limit and its deadline through to the handler", async () => {
    const answer = await fetch(`http://127.0.0.1:${port}/api/auth/callback/credentials`, { method: "POST", body: "email=a&password=b" });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("read 18");
  });
});

describe("a library that answers its own path before the server's handler", () => {
  it("meets the guard first, and the other requests reach the listeners unchanged", async () => {
    const own = createServer((req, res) => res.end(`handler ${req.url}`));
    // What engine.io does on attach: its listener first, answering its path itself.
    const handler = own.listeners("request")[0] as (req: unknown, res: unknown) => void;
    own.removeAllListeners("request");
    own.on("request", (req: IncomingMessage, res: ServerResponse) => (req.url?.startsWith("/socket.io/") ? res.end("engine") : handler(req, res)));
    guardBeforeListeners(own, "/socket.io/", (req, res) => guardRequest(req, res, { stowMaxBytes: 1, bodyTimeoutMs: 1000 }));
    await new Promise<void>((resolve) => own.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(own.address() as AddressInfo).port}`;
    try {
      const big = await fetch(`${base}/socket.io/?EIO=4`, { method: "POST", body: "x".repeat(100 * 1024) });
      expect(big.status).toBe(413);
      expect(await (await fetch(`${base}/socket.io/?EIO=4`)).text()).toBe("engine");
      expect(await (await fetch(`${base}/worklist`)).text()).toBe("handler /worklist");
    } finally {
      await new Promise<void>((resolve) => own.close(() => resolve()));
    }
  });
});
