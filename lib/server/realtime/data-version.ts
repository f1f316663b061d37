import "server-only";
import { sendToCluster } from "../cluster/cluster-bus";

// A process-wide counter bumped after every committed change that is announced to clients
// (publishRequestChanged), by this instance or, through the cluster bus, by another. Caches
// keyed by it can never serve a result computed before a change that a client has been told
// about. The `request.changed` hint carries the number, and a tab asking for its worklist over
// the socket sends back the highest it saw: a number above this instance's own raises it
// (noteDataVersion). Instances count apart, so the numbers are a per-instance freshness
// floor, not a global order (docs/realtime.md). While this instance cannot hear the others
// (its listening connection is lost), the version moves at every read: no cache serves
// anything until the bus listens again.
const slot = globalThis as unknown as { __teleradioDataVersion?: number; __teleradioDataVersionDeaf?: boolean };

export function dataVersion(): number {
  if (slot.__teleradioDataVersionDeaf) slot.__teleradioDataVersion = (slot.__teleradioDataVersion ?? 0) + 1;
  return slot.__teleradioDataVersion ?? 0;
}

/**
 * After commit: this instance's caches and every other instance's are out of date. Returns the
 * new version, which the change's hint carries.
 */
export function bumpDataVersion(): number {
  receiveDataVersionBump();
  sendToCluster({ kind: "data" });
  return slot.__teleradioDataVersion ?? 0;
}

/** A tab saw a change numbered `version`: from now on nothing computed before it is served. */
export function noteDataVersion(version: number): number {
  if (version > dataVersion()) slot.__teleradioDataVersion = version;
  return dataVersion();
}

/** Another instance announced a change (or this one may have missed some): local caches only. */
export function receiveDataVersionBump(): void {
  slot.__teleradioDataVersion = (slot.__teleradioDataVersion ?? 0) + 1;
}

/** false while changes made by other instances may go unheard (see above). */
export function setDataVersionHeard(heard: boolean): void {
  slot.__teleradioDataVersionDeaf = !heard;
  receiveDataVersionBump();
}
