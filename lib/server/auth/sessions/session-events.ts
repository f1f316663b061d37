import "server-only";
import { EventEmitter } from "node:events";
import { sendToCluster } from "../../cluster/cluster-bus";

// Told when sessions are revoked, so that what holds one open (a socket.io connection, a
// DICOMweb cookie remembered for a moment) lets go at once rather than at its next request.
// Each instance closes its own: an announcement here is applied in this process and sent to
// the other instances (cluster-bus.ts), which apply it in theirs (receive*). One emitter per
// process, kept on globalThis: sign-out runs in Next's bundle (next-auth's route), sockets and
// DICOMweb in the custom server's module graph, and a module-level emitter would be two
// emitters that never hear each other.
const slot = globalThis as unknown as { __teleradioSessionEvents?: EventEmitter };
const emitter = (slot.__teleradioSessionEvents ??= new EventEmitter().setMaxListeners(0));

export interface SessionsRevoked {
  sessionIds: readonly string[];
}

/** After commit: here and on every other instance. */
export function announceSessionsRevoked(revoked: SessionsRevoked): void {
  receiveSessionsRevoked(revoked);
  sendToCluster({ kind: "revoked", sessionIds: [...revoked.sessionIds] });
}

/** Applies a revocation in this process only (one announced by another instance). */
export function receiveSessionsRevoked(revoked: SessionsRevoked): void {
  emitter.emit("revoked", revoked);
}

export function onSessionsRevoked(listener: (revoked: SessionsRevoked) => void): () => void {
  emitter.on("revoked", listener);
  return () => emitter.off("revoked", listener);
}

/**
 * A user's rights changed (a reading privilege given, changed or withdrawn): what was computed
 * from them when a socket connected (its rooms) must be computed again. Every HTTP request
 * reloads them already. After commit: here and on every other instance.
 */
export function announceRightsChanged(userId: string): void {
  receiveRightsChanged(userId);
  sendToCluster({ kind: "rights", userId });
}

/** Applies a change of rights in this process only (one announced by another instance). */
export function receiveRightsChanged(userId: string): void {
  emitter.emit("rights", userId);
}

export function onRightsChanged(listener: (userId: string) => void): () => void {
  emitter.on("rights", listener);
  return () => emitter.off("rights", listener);
}
