// next-auth served over real HTTP for integration tests, as the product serves it but without
// Next: its API-route handler behind a node:http server, with the product's request-bound
// options (lib/server/auth/auth-options.ts). Browsers are played by `cookie-jar-fetch.ts`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import NextAuth from "next-auth";
import { authOptionsFor } from "../../server/auth/auth-options";
import { authRequestOf } from "../../server/auth/auth-request";
import { parseCookieHeader } from "../../server/auth/session-cookie";

export interface NextAuthTestServer {
  origin: string;
  close(): Promise<void>;
}

export async function startNextAuthTestServer(port = 0): Promise<NextAuthTestServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const body = req.method === "POST" ? Object.fromEntries(new URLSearchParams(await bodyOf(req))) : undefined;
    const apiReq = {
      method: req.method,
      headers: req.headers,
      cookies: Object.fromEntries(parseCookieHeader(req.headers.cookie)),
      query: { ...Object.fromEntries(url.searchParams), nextauth: url.pathname.replace(/^\/api\/auth\//, "").split("/") },
      body,
    };
    const apiRes = Object.assign(res, {
      status: (code: number) => {
        res.statusCode = code;
        return apiRes;
      },
      json: (value: unknown) => {
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify(value));
      },
      send: (value: unknown) => res.end(typeof value === "string" ? value : JSON.stringify(value ?? "")),
    });
    const { options } = authOptionsFor(await authRequestOf(req.headers, origin));
    await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(apiReq, apiRes, options);
  }
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}
