import "server-only";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { bodyRuleFor, judgeDeclaredBody } from "./body-limits";

// The first thing the server does with a request after stamping its address: refuse a body
// too large for its route from the headers (before a byte of it is read), refuse a chunked body
// where the handler would buffer it whole, and give every body but a STOW-RS upload a deadline,
// so that a client dribbling a byte now and then (slow loris) cannot hold a connection and a
// handler's buffer for ever.

export interface RequestGuardOptions {
  stowMaxBytes: number;
  /** Time for the whole body to arrive, counted from the end of the headers. */
  bodyTimeoutMs: number;
}

/** True when the request may go on; otherwise it has been answered and its connection closes. */
export function guardRequest(req: IncomingMessage, res: ServerResponse, options: RequestGuardOptions): boolean {
  const rule = bodyRuleFor(req.method ?? "GET", pathOf(req.url), { stowMaxBytes: options.stowMaxBytes });
  const verdict = judgeDeclaredBody(rule, { contentLength: req.headers["content-length"], transferEncoding: req.headers["transfer-encoding"] });
  if (!verdict.ok) {
    refuse(res, verdict.status, verdict.message);
    return false;
  }
  if (!rule.longUpload) armBodyDeadline(req, res, options.bodyTimeoutMs);
  return true;
}

/**
 * Connection: close: the body behind the headers is never read; Node closes the socket once
 * the answer is out, instead of reading and discarding the rest to keep the connection.
 */
function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" }).end(message);
}

function armBodyDeadline(req: IncomingMessage, res: ServerResponse, timeoutMs: number): void {
  const timer = setTimeout(() => {
    // `complete` is set by the parser when the last byte arrived, read or not by the handler.
    if (req.complete) return;
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    res.writeHead(408, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" });
    // The handler waiting for the rest of the body sees the request aborted.
    res.end("request body not received in time", () => req.socket.destroy());
  }, timeoutMs);
  timer.unref();
  const clear = () => clearTimeout(timer);
  req.once("end", clear);
  res.once("close", clear);
}

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const query = raw.indexOf("?");
  return query === -1 ? raw : raw.slice(0, query);
}

/**
 * engine.io (socket.io) takes over the server's "request" listeners and answers its own path
 * before the server's handler runs. Wrapped again here, its requests meet the same headers and
 * body guard first; every other request goes on to the listeners unchanged (the server's
 * handler guards them itself).
 */
export function guardBeforeListeners(
  server: Server,
  prefix: string,
  before: (req: IncomingMessage, res: ServerResponse) => boolean,
): void {
  const listeners = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith(prefix) === true && !before(req, res)) return;
    for (const listener of listeners) listener.call(server, req, res);
  });
}
