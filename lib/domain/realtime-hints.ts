// Socket payloads are invalidation hints: ids only, never patient data. The client refetches
// through tRPC, so authorization stays in one place. Shared by the server and the browser.

export type HintKind = "request.changed";

export interface Hint {
  kind: HintKind;
  requestId: string;
}

/** What a client receives: the hint, the room it came through and that room's sequence number. */
export interface SequencedHint extends Hint {
  room: string;
  seq: number;
}

/** Sent on connection: the rooms joined and their current sequence numbers. */
export interface Welcome {
  rooms: Record<string, number>;
}

export const SOCKET_EVENTS = { hint: "hint", welcome: "welcome" } as const;

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
