import { connect } from "node:net";
import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage } from "./pages";

// Body size limits on every kind of route of the production server, next-auth's included: an
// oversized body is refused from its headers (413) before being read, a chunked one where the
// handler would read it whole gets 411, and the server stays up and keeps serving.

/** Sends a request's head and a few bytes of its body on a raw socket; the answer's status line. */
function rawRequest(baseUrl: string, head: string, bodyStart = "x"): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = "";
    socket.on("connect", () => socket.write(`${head}\r\n\r\n${bodyStart}`));
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      if (text.includes("\r\n")) socket.destroy();
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(text.split("\r\n")[0] ?? ""));
  });
}

const GIB = 1024 ** 3;

test("a body declared over its route's limit answers 413 at once, on every kind of route", async ({ baseURL }) => {
  const host = new URL(baseURL!).host;
  const oversized: [string, string, number][] = [
    ["next-auth's credentials callback", "POST /api/auth/callback/credentials", 1024 * 1024],
    ["next-auth's sign-out", "POST /api/auth/signout", 1024 * 1024],
    ["tRPC", "POST /api/trpc/requests.submit", 10 * 1024 * 1024],
    ["STOW-RS", "POST /dicomweb/studies", 5000 * 1024 * 1024],
    ["a page", "POST /requests/new", 10 * 1024 * 1024],
    ["a plain route handler", "POST /api/exports/summary", 10 * 1024 * 1024],
    ["the session banner's renewal", "POST /api/session/renew", GIB],
    ["socket.io's long polling (engine.io answers before the server's handler)", "POST /socket.io/?EIO=4&transport=polling&sid=x", 10 * 1024 * 1024],
  ];
  for (const [what, line, length] of oversized) {
    const contentType = line.includes("dicomweb") ? 'multipart/related; type="application/dicom"; boundary=b' : "application/x-www-form-urlencoded";
    const started = Date.now();
    const status = await rawRequest(baseURL!, `${line} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: ${contentType}\r\nContent-Length: ${length}`);
    expect(status, what).toMatch(/^HTTP\/1\.1 413 /);
    // Refused from the headers: nothing waited for the body that was never sent.
    expect(Date.now() - started, what).toBeLessThan(5_000);
  }
});

test("a chunked body where the handler would read it whole answers 411; the server stays up and signs in", async ({ baseURL, browser }) => {
  const host = new URL(baseURL!).host;
  const status = await rawRequest(baseURL!, `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked`, "5\r\nemail\r\n");
  expect(status).toMatch(/^HTTP\/1\.1 411 /);

  const page = await signedInPage(browser, accounts.referrerSal);
  expect((await page.request.get("/api/health")).status()).toBe(200);
  // A tRPC body over 256 KiB sent by the browser's own client is refused the same way.
  const big = await page.request.post("/api/trpc/notifications.markRead", { data: { json: { ids: ["x".repeat(300 * 1024)] } }, headers: { "content-type": "application/json" } });
  expect(big.status()).toBe(413);
  expect((await page.request.get("/api/trpc/worklist.sites")).status()).toBe(200);
});
