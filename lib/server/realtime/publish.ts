import "server-only";
import { bumpDataVersion } from "./data-version";
import { rooms, roomsForSite, type Hint } from "@/lib/domain/realtime-hints";

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
  const version = bumpDataVersion();
  slot.__teleradioPublisher?.publish(roomsForSite(siteId), { kind: "request.changed", requestId, version });
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

/** A request's thread has a new message: whoever sees the request refetches the thread. */
export function publishThreadChanged(requestId: string, siteId: string): void {
  slot.__teleradioPublisher?.publish(roomsForSite(siteId), { kind: "thread.changed", requestId });
}

/** Who is looking at a request changed (presence lives in the socket server's memory). */
export function publishPresenceChanged(requestId: string, siteId: string): void {
  slot.__teleradioPublisher?.publish(roomsForSite(siteId), { kind: "presence.changed", requestId });
}

/** New notifications for these users; after commit. */
export function publishNotifications(userIds: Iterable<string>, vital: boolean): void {
  const targets = [...new Set(userIds)].map(rooms.user);
  if (targets.length > 0) slot.__teleradioPublisher?.publish(targets, { kind: "notifications.changed", vital });
}

/** A reader's measurements for a request's report changed; after commit, to that reader only. */
export function publishReportMeasurementsChanged(readerId: string, requestId: string): void {
  slot.__teleradioPublisher?.publish([rooms.user(readerId)], { kind: "report.measurements.changed", requestId });
}
