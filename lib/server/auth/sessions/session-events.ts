import "server-only";
import { EventEmitter } from "node:events";

// Told when sessions are revoked, so that what holds one open (a socket.io connection, a
// DICOMweb cookie remembered for a moment) lets go at once rather than at its next request.
// In-process: each instance closes its own. One emitter per process, kept on globalThis: sign-out
// runs in Next's bundle (next-auth's route), sockets and DICOMweb in the custom server's module
// graph, and a module-level emitter would be two emitters that never hear each other.
const slot = globalThis as unknown as { __teleradioSessionEvents?: EventEmitter };
const emitter = (slot.__teleradioSessionEvents ??= new EventEmitter().setMaxListeners(0));

export interface SessionsRevoked {
  sessionIds: readonly string[];
}

export function announceSessionsRevoked(revoked: SessionsRevoked): void {
  emitter.emit("revoked", revoked);
}

export function onSessionsRevoked(listener: (revoked: SessionsRevoked) => void): () => void {
  emitter.on("revoked", listener);
  return () => emitter.off("revoked", listener);
}

/**
 * A user's rights changed (a reading privilege given, changed or withdrawn): what was computed
 * from them when a socket connected (its rooms) must be computed again. Every HTTP request
 * reloads them already.
 */
export function announceRightsChanged(userId: string): void {
  emitter.emit("rights", userId);
}

export function onRightsChanged(listener: (userId: string) => void): () => void {
  emitter.on("rights", listener);
  return () => emitter.off("rights", listener);
}
