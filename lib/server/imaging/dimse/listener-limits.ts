import "server-only";

// What one DICOM port accepts from the network before any AE title is known: how large a PDU,
// how long to wait for the association request and between PDUs, how many connections at once
// overall and from one address. A sender cannot hold the port, the memory or the request
// thread with connections that say nothing or PDUs that declare gigabytes.

export interface ListenerLimits {
  /** The longest PDU accepted (header excluded), announced in A-ASSOCIATE-AC and enforced before buffering. */
  maxPduBytes: number;
  /** ARTIM (PS3.8 9.1.5): from the TCP connection to a complete association request. */
  associationTimeoutMs: number;
  /** No byte in either direction for this long and the connection is closed. */
  idleTimeoutMs: number;
  maxConnections: number;
  maxConnectionsPerPeer: number;
}

export const DEFAULT_LISTENER_LIMITS: ListenerLimits = {
  maxPduBytes: 256 * 1024,
  associationTimeoutMs: 10_000,
  idleTimeoutMs: 60_000,
  maxConnections: 64,
  maxConnectionsPerPeer: 16,
};

/** Open connections, overall and per remote address. */
export class ConnectionCounter {
  private total = 0;
  private readonly perPeer = new Map<string, number>();

  constructor(private readonly limits: Pick<ListenerLimits, "maxConnections" | "maxConnectionsPerPeer">) {}

  /** Counts the connection in and answers true, or answers why it is refused (counting nothing). */
  admit(peer: string): true | string {
    const fromPeer = this.perPeer.get(peer) ?? 0;
    if (this.total >= this.limits.maxConnections) return `${this.total} connections open, the limit`;
    if (fromPeer >= this.limits.maxConnectionsPerPeer) return `${fromPeer} connections open from ${peer}, the limit per address`;
    this.total++;
    this.perPeer.set(peer, fromPeer + 1);
    return true;
  }

  release(peer: string): void {
    const fromPeer = this.perPeer.get(peer) ?? 0;
    if (fromPeer <= 1) this.perPeer.delete(peer);
    else this.perPeer.set(peer, fromPeer - 1);
    this.total = Math.max(0, this.total - 1);
  }
}
