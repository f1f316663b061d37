import "server-only";

// What one instance tells the others over PostgreSQL's LISTEN/NOTIFY (cluster-bus.ts). Ids
// only, never patient data: a NOTIFY payload is visible to any role that may LISTEN.

export type ClusterMessage =
  /** A change was announced to clients: caches keyed by dataVersion() must not serve older results. */
  | { kind: "data" }
  /** Sessions were revoked: what holds one open (sockets, cached DICOMweb principals) lets go. */
  | { kind: "revoked"; sessionIds: string[] }
  /** A user's rights changed: sockets computed from the old ones reconnect. */
  | { kind: "rights"; userId: string }
  /** A job was scheduled to run now: workers poll at once instead of at their next tick. */
  | { kind: "jobs" };

export interface ClusterEnvelope {
  /** The sending instance (instance-id.ts): it has applied the message itself already. */
  from: string;
  message: ClusterMessage;
}

/** The channel every instance listens on. */
export const CLUSTER_CHANNEL = "teleradio_cluster";

// NOTIFY refuses payloads of 8000 bytes or more: long session lists go in several messages.
const SESSION_IDS_PER_MESSAGE = 100;

export function splitForNotify(message: ClusterMessage): ClusterMessage[] {
  if (message.kind !== "revoked" || message.sessionIds.length <= SESSION_IDS_PER_MESSAGE) return [message];
  const parts: ClusterMessage[] = [];
  for (let i = 0; i < message.sessionIds.length; i += SESSION_IDS_PER_MESSAGE) {
    parts.push({ kind: "revoked", sessionIds: message.sessionIds.slice(i, i + SESSION_IDS_PER_MESSAGE) });
  }
  return parts;
}

/** A payload from the channel, or null when it is not one of ours (anyone may NOTIFY). */
export function parseEnvelope(payload: string | undefined): ClusterEnvelope | null {
  if (!payload) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { from, message } = parsed as { from?: unknown; message?: { kind?: unknown; sessionIds?: unknown; userId?: unknown } };
  if (typeof from !== "string" || typeof message !== "object" || message === null) return null;
  switch (message.kind) {
    case "data":
    case "jobs":
      return { from, message: { kind: message.kind } };
    case "revoked":
      if (!Array.isArray(message.sessionIds) || !message.sessionIds.every((id) => typeof id === "string")) return null;
      return { from, message: { kind: "revoked", sessionIds: message.sessionIds as string[] } };
    case "rights":
      if (typeof message.userId !== "string") return null;
      return { from, message: { kind: "rights", userId: message.userId } };
    default:
      return null;
  }
}
