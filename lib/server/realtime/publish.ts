import "server-only";
import { bumpDataVersion } from "./data-version";
import { roomsForSite, type Hint } from "@/lib/domain/realtime-hints";

// Services run inside Next's bundle; the socket.io server lives in the custom server's
// module graph. They meet through this globalThis slot, set by attach-realtime.ts.

export interface HintPublisher {
  publish(rooms: readonly string[], hint: Hint): void;
}

const slot = globalThis as unknown as { __teleradioPublisher?: HintPublisher };

export function setHintPublisher(publisher: HintPublisher | undefined): void {
  slot.__teleradioPublisher = publisher;
}

/** Call after the transaction has committed: a hint must never announce a rolled-back change. */
export function publishRequestChanged(requestId: string, siteId: string): void {
  bumpDataVersion();
  slot.__teleradioPublisher?.publish(roomsForSite(siteId), { kind: "request.changed", requestId });
}
