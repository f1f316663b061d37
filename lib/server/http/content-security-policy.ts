import "server-only";
import { randomBytes } from "node:crypto";

// The Content-Security-Policy of each kind of answer. Pages get a fresh nonce per request:
// Next reads it from the request's own Content-Security-Policy header (set by the custom
// server before Next runs) and puts it on every script it renders, so no inline script runs
// without it and nothing needs 'unsafe-inline' for scripts.

/** 128 random bits, base64: what CSP's nonce-source grammar and Next's nonce parser accept. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * A page (HTML, or Next's RSC payload for a client navigation).
 * - 'strict-dynamic': the chunks Next's nonce'd loader adds are trusted through it; host lists
 *   are ignored by browsers that understand it, so a same-origin upload could not be run as script.
 * - 'wasm-unsafe-eval': the viewer's codecs (OpenJPEG, CharLS, libjpeg-turbo) are WebAssembly;
 *   it allows compiling WebAssembly and nothing else ('unsafe-eval' stays off in production).
 * - worker-src 'self' blob:: Cornerstone's decode workers are files of the build; a blob: worker
 *   is what some of its tools spawn.
 * - style-src keeps 'unsafe-inline': React writes style attributes in server-rendered HTML and
 *   Cornerstone inserts style elements; styles cannot run code.
 * - frame-src blob:: an encapsulated PDF is shown from a blob: URL the viewer made itself.
 */
export function pagePolicy(options: { nonce: string; dev: boolean; websocketOrigins: readonly string[] }): string {
  const scripts = [`'self'`, `'nonce-${options.nonce}'`, `'strict-dynamic'`, `'wasm-unsafe-eval'`];
  // Next's development server evaluates its modules (source maps, fast refresh).
  if (options.dev) scripts.push(`'unsafe-eval'`);
  return [
    `default-src 'self'`,
    `script-src ${scripts.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src ${[`'self'`, ...options.websocketOrigins].join(" ")}`,
    `worker-src 'self' blob:`,
    `frame-src 'self' blob:`,
    `media-src 'self' blob:`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join("; ");
}

/**
 * The build's static files. A JavaScript file's own header is the policy of the Web Worker it
 * starts (a document ignores it): the decode workers load further chunks and compile the codecs'
 * WebAssembly, nothing inline.
 */
export const STATIC_ASSET_POLICY = [
  `default-src 'self'`,
  `script-src 'self' 'wasm-unsafe-eval'`,
  `worker-src 'self' blob:`,
  `object-src 'none'`,
  `base-uri 'none'`,
  `form-action 'none'`,
  `frame-ancestors 'none'`,
].join("; ");

/**
 * Data answers (tRPC, DICOMweb, next-auth's JSON, exports, PDFs): nothing in them is ever to be
 * run or loaded, should a browser be made to render one as a document.
 */
export const DATA_POLICY = `default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox`;

export type AnswerKind = "page" | "static" | "data";

/** Which policy a path gets. Everything Next serves that is not an asset or an API is a page. */
export function answerKindOf(pathname: string): AnswerKind {
  if (pathname.startsWith("/_next/static/")) return "static";
  if (pathname.startsWith("/api/") || pathname === "/api" || pathname.startsWith("/dicomweb") || pathname.startsWith("/socket.io/") || pathname.startsWith("/__test/")) return "data";
  return "page";
}

// A Host header is the client's word: it enters the policy only when it is a plain host[:port].
const PLAIN_HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The socket.io WebSocket of this origin. CSP Level 3 lets 'self' match ws:/wss: on the same
 * host, but not every browser in a hospital is recent: the origin is also named.
 */
export function websocketOriginsFor(host: string | undefined, overTls: boolean): string[] {
  if (!host || !PLAIN_HOST.test(host)) return [];
  return [`${overTls ? "wss" : "ws"}://${host}`];
}
