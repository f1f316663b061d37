// Socket payloads are invalidation hints: ids only, never patient data. The client refetches
// through tRPC, or asks for its worklist over the socket (lib/domain/worklist-fetch.ts), where
// the same procedure decides what it may see. Shared by the server and the browser.

/**
 * A request's row or timeline changed; images of a site arrived or changed state; a request's
 * thread has a new message; who is looking at a request changed; the user's notifications
 * changed (sent to the user's own room; `vital` asks for the sound and the browser notification);
 * the measurements a reader sent to a request's report changed (to the reader's own room: every
 * window of theirs with that report's editor or viewer refetches).
 */
export type Hint =
  /** `version`: the change's number (data-version.ts); the worklist fetched after it sends it back. */
  | { kind: "request.changed"; requestId: string; version: number }
  | { kind: "images.changed"; siteId: string }
  | { kind: "thread.changed"; requestId: string }
  | { kind: "presence.changed"; requestId: string }
  | { kind: "notifications.changed"; vital: boolean }
  | { kind: "report.measurements.changed"; requestId: string };
export type HintKind = Hint["kind"];

/** What a client receives: the hint, the room it came through and that room's sequence number. */
export type SequencedHint = Hint & {
  room: string;
  seq: number;
};

/** Sent on connection: the rooms joined and their current sequence numbers. */
export interface Welcome {
  rooms: Record<string, number>;
}

export const SOCKET_EVENTS = { hint: "hint", welcome: "welcome" } as const;

/** The handshake's refusal when the session could not be checked (database away): try again later. */
export const HANDSHAKE_UNAVAILABLE = "unavailable";

export const rooms = {
  /** Referrers and radiographers working at a site. */
  siteStaff: (siteId: string) => `site:${siteId}`,
  /** Radiologists allowed to read for a site. */
  siteReaders: (siteId: string) => `readers:${siteId}`,
  /** Department heads, who see the whole territory. */
  territory: () => "territory",
  user: (userId: string) => `user:${userId}`,
};

/** Every room that must hear about a change to a request of this site. */
export function roomsForSite(siteId: string): string[] {
  return [rooms.siteStaff(siteId), rooms.siteReaders(siteId), rooms.territory()];
}
