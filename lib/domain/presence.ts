import { z } from "zod";

// Who is looking at a request right now. Presence lives in the socket server's memory:
// a browser tab tells the server which requests it shows, and the entry goes with the socket.

export const PRESENCE_EVENTS = { watch: "presence:watch" } as const;

/** "viewing": the request page is open. The worklist shows presence but does not count as looking. */
export const PRESENCE_MODES = ["viewing"] as const;
export type PresenceMode = (typeof PRESENCE_MODES)[number];

/** How many requests one tab may say it is looking at (a page shows one; a few tabs' worth of slack). */
export const MAX_WATCHED_REQUESTS = 10;

/** What a tab sends: the full set of requests it is looking at now (an empty list clears it). */
export const presenceWatchSchema = z.object({
  requestIds: z.array(z.uuid()).max(MAX_WATCHED_REQUESTS),
  mode: z.enum(PRESENCE_MODES).default("viewing"),
});
export type PresenceWatch = z.output<typeof presenceWatchSchema>;

/** The server's answer to a declaration: the ids it now counts (others were not visible or not found). */
export interface PresenceWatchAck {
  watching: string[];
}

/** The worklist asks for the presence of its visible rows in one call. */
export const presenceQuerySchema = z.object({
  requestIds: z.array(z.uuid()).max(500),
});

export interface PresentViewer {
  userId: string;
  name: string;
  role: string;
  mode: PresenceMode;
}
