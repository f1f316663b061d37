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

const IMAGES_HINT_DELAY_MS = 500;
const pendingImageSites = new Map<string, NodeJS.Timeout>();

/**
 * Images of a site arrived or changed state. A study arrives as hundreds of instances: the
 * hints are coalesced per site so that clients refetch at most twice a second.
 */
export function publishStudyChanged(siteId: string): void {
  if (pendingImageSites.has(siteId)) return;
  const timer = setTimeout(() => {
    pendingImageSites.delete(siteId);
    slot.__teleradioPublisher?.publish(roomsForSite(siteId), { kind: "images.changed", siteId });
  }, IMAGES_HINT_DELAY_MS);
  timer.unref();
  pendingImageSites.set(siteId, timer);
}
