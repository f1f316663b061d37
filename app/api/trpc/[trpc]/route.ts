import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { currentActor } from "@/lib/server/auth/current-actor";
import { getDb } from "@/lib/server/db/client";
import { readLimitedBody } from "@/lib/server/http/read-limited-body";
import { appRouter } from "@/lib/server/trpc/app-router";

// tRPC answers in JSON; a body larger than this is refused (413) before parsing.
const MAX_BODY_BYTES = 256 * 1024;

async function handler(req: Request): Promise<Response> {
  let body: ArrayBuffer | null = null;
  if (req.method === "POST") {
    body = await readLimitedBody(req, MAX_BODY_BYTES);
    if (body === null) return Response.json({ error: "Request body too large" }, { status: 413 });
  }
  const request = body === null ? req : new Request(req.url, { method: req.method, headers: req.headers, body });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({ db: getDb(), actor: await currentActor() }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
