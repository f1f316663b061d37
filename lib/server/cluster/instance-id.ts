import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

// Names this process among the instances sharing the database: its presence entries, its
// heartbeat and the cluster messages it sends. New at every start, so that a restarted
// instance never inherits the entries of its previous life. Kept on globalThis: Next's bundle
// and the custom server's module graph must agree on it.
const slot = globalThis as unknown as { __teleradioInstanceId?: string };

export function instanceId(): string {
  return (slot.__teleradioInstanceId ??= `${hostname().slice(0, 30)}-${process.pid}-${randomUUID().slice(0, 8)}`);
}
