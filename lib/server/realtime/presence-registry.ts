import "server-only";
import type { PresenceMode, PresentViewer } from "@/lib/domain/presence";

// Who is looking at which request, in one process's memory (presence-store.ts says where
// presence is kept). Each socket (one per browser tab) declares the full set of requests it
// shows; its entries go with it when it disconnects (closing the tab closes the websocket at
// once; a vanished network is noticed by socket.io's ping within its timeout). After a restart,
// every tab reconnects and declares its set again.

export interface PresenceViewer {
  userId: string;
  displayName: string;
  role: string;
}

export interface WatchedRequest {
  requestId: string;
  siteId: string;
}

interface Entry extends PresenceViewer {
  socketId: string;
  mode: PresenceMode;
}

export class PresenceRegistry {
  /** requestId -> socketId -> entry */
  private readonly byRequest = new Map<string, Map<string, Entry>>();
  /** socketId -> requests it watches (with their site, to publish the change to its rooms) */
  private readonly bySocket = new Map<string, WatchedRequest[]>();

  /**
   * Replaces what a socket looks at. Returns the requests whose set of viewers changed
   * (those left and those joined), so that their sites hear about it.
   */
  watch(socketId: string, viewer: PresenceViewer, mode: PresenceMode, requests: readonly WatchedRequest[]): WatchedRequest[] {
    const previous = this.bySocket.get(socketId) ?? [];
    const nextIds = new Set(requests.map((r) => r.requestId));
    const changed: WatchedRequest[] = [];
    for (const old of previous) {
      if (nextIds.has(old.requestId)) continue;
      this.removeEntry(old.requestId, socketId);
      changed.push(old);
    }
    for (const request of requests) {
      let viewers = this.byRequest.get(request.requestId);
      if (!viewers) this.byRequest.set(request.requestId, (viewers = new Map()));
      const existing = viewers.get(socketId);
      if (!existing || existing.mode !== mode) changed.push(request);
      viewers.set(socketId, { ...viewer, socketId, mode });
    }
    if (requests.length > 0) this.bySocket.set(socketId, [...new Map(requests.map((r) => [r.requestId, r])).values()]);
    else this.bySocket.delete(socketId);
    return changed;
  }

  /** The socket went away: everything it looked at changes. */
  removeSocket(socketId: string): WatchedRequest[] {
    const previous = this.bySocket.get(socketId) ?? [];
    this.bySocket.delete(socketId);
    for (const old of previous) this.removeEntry(old.requestId, socketId);
    return previous;
  }

  /** Who looks at each request, one entry per person however many tabs they have open. */
  viewersOf(requestIds: Iterable<string>): Map<string, PresentViewer[]> {
    const result = new Map<string, PresentViewer[]>();
    for (const requestId of requestIds) {
      const viewers = this.byRequest.get(requestId);
      if (!viewers || viewers.size === 0) continue;
      const byUser = new Map<string, PresentViewer>();
      for (const entry of viewers.values()) {
        byUser.set(entry.userId, { userId: entry.userId, name: entry.displayName, role: entry.role, mode: entry.mode });
      }
      result.set(requestId, [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name)));
    }
    return result;
  }

  private removeEntry(requestId: string, socketId: string): void {
    const viewers = this.byRequest.get(requestId);
    if (!viewers) return;
    viewers.delete(socketId);
    if (viewers.size === 0) this.byRequest.delete(requestId);
  }
}
