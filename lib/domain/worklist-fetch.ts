import { z } from "zod";
import { worklistFilterSchema } from "./worklist-filter-schema";

// The live worklist asks for its rows over the already authenticated socket instead of an
// HTTP refetch (lib/server/realtime/worklist-socket.ts). The answer is what the tRPC query
// `worklist.list` would give the same user now, through the same procedure and read audit.

export const WORKLIST_FETCH_EVENT = "worklist:fetch";

/** `input`: the tRPC query's own input; `version`: the highest `request.changed` version the tab saw. */
export const worklistFetchSchema = z.object({
  input: worklistFilterSchema,
  version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});
export type WorklistFetch = z.input<typeof worklistFetchSchema>;

/**
 * Why no rows: BAD_REQUEST (malformed fetch), UNAUTHORIZED (the session ended since the socket
 * opened), FORBIDDEN (no worklist for this role), BUSY (too many fetches of this socket at
 * once), UNAVAILABLE (reads cannot be audited right now), INTERNAL. The tab then refetches
 * over HTTP, whose answer says the rest.
 */
export const WORKLIST_FETCH_ERRORS = ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "BUSY", "UNAVAILABLE", "INTERNAL"] as const;
export type WorklistFetchError = (typeof WORKLIST_FETCH_ERRORS)[number];

/**
 * `rows`: the superjson text of the rows as UTF-8 bytes (the browser gets an ArrayBuffer),
 * the same bytes for every tab of the same scope; `version`: the change number they include.
 */
export type WorklistFetchAnswer = { ok: true; version: number; rows: ArrayBuffer | Uint8Array } | { ok: false; error: WorklistFetchError };
