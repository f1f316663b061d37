import "server-only";
import { sendToCluster } from "../cluster/cluster-bus";

// A process-wide counter bumped after every committed change that is announced to clients
// (publishRequestChanged), by this instance or, through the cluster bus, by another. Caches
// keyed by it can never serve a result computed before a change that a client has been told
// about. While this instance cannot hear the others (its listening connection is lost), the
// version moves at every read: no cache serves anything until the bus listens again.
const slot = globalThis as unknown as { __teleradioDataVersion?: number; __teleradioDataVersionDeaf?: boolean };

export function dataVersion(): number {
  if (slot.__teleradioDataVersionDeaf) slot.__teleradioDataVersion = (slot.__teleradioDataVersion ?? 0) + 1;
  return slot.__teleradioDataVersion ?? 0;
}

/** After commit: this instance's caches and every other instance's are out of date. */
export function bumpDataVersion(): void {
  receiveDataVersionBump();
  sendToCluster({ kind: "data" });
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
