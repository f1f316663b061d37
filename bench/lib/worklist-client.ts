// One simulated browser with the worklist page open: a socket.io connection plus the
// refetches that lib/realtime/live-updates.tsx and React Query make on its hints.
import { Agent } from "node:http";
import { io, type Socket } from "socket.io-client";
import { SOCKET_EVENTS, type SequencedHint, type Welcome } from "@/lib/domain/realtime-hints";
import { HintSequenceTracker } from "@/lib/realtime/hint-sequence";
import { EMPTY_FILTERS, toWorklistQueryInput } from "@/lib/ui/worklist/worklist-query";
import { clock } from "./clock";
import { trpcQuery, type HttpOptions } from "./trpc-http";

/** The worklist page's own input with no filter chosen (the one it prefetches, too). */
export const EMPTY_FILTER_INPUT = toWorklistQueryInput(EMPTY_FILTERS);

/** The worklist page's active queries, in the order it declares them (sites, then list). */
const ALL_QUERIES = [
  { path: "worklist.sites", input: undefined },
  { path: "worklist.list", input: EMPTY_FILTER_INPUT },
];
const LIST_QUERY = [{ path: "worklist.list", input: EMPTY_FILTER_INPUT }];

export interface ClientEvents {
  /** A request id appeared in this client's worklist for the first time (clock()). */
  onSeen: (requestId: string, at: number) => void;
  onHint: (hint: SequencedHint, at: number) => void;
  /** One worklist refetch completed: its round trip, for the breakdown. */
  onRefetch: (durationMs: number, ok: boolean) => void;
}

export class WorklistClient {
  private readonly socket: Socket;
  private readonly tracker = new HintSequenceTracker();
  private readonly http: HttpOptions;
  private readonly seen = new Set<string>();
  private inFlight: AbortController | null = null;
  private welcomed: Promise<void>;
  disconnects = 0;

  constructor(
    baseUrl: string,
    cookie: string,
    private readonly events: ClientEvents,
  ) {
    // A browser keeps its HTTP/1.1 connections alive (at most 6 per origin): so does each client.
    this.http = { baseUrl, cookie, agent: new Agent({ keepAlive: true, maxSockets: 6 }) };
    this.socket = io(baseUrl, {
      path: "/socket.io",
      // The browser tries the websocket first; polling is only its fallback.
      transports: ["websocket"],
      extraHeaders: { cookie },
      // Without forceNew, socket.io-client multiplexes every io(sameUrl) onto ONE connection.
      forceNew: true,
      autoConnect: false,
    });
    this.welcomed = new Promise((resolve, reject) => {
      this.socket.once(SOCKET_EVENTS.welcome, () => resolve());
      this.socket.once("connect_error", (error) => reject(error));
    });

    // As LiveUpdatesProvider: welcome = (re)connected, refetch every active query.
    this.socket.on(SOCKET_EVENTS.welcome, (welcome: Welcome) => {
      this.tracker.reset(welcome.rooms);
      void this.refetch(ALL_QUERIES);
    });
    this.socket.on(SOCKET_EVENTS.hint, (hint: SequencedHint) => {
      this.events.onHint(hint, clock());
      // A gap in the room's sequence: refetch everything. Otherwise the worklist only (the
      // byId query it also invalidates is not active on the worklist page: no request).
      void this.refetch(this.tracker.accept(hint) ? LIST_QUERY : ALL_QUERIES);
    });
    this.socket.on("disconnect", () => this.disconnects++);
  }

  /** Connects and resolves on the first `welcome` (handshake authenticated, rooms joined). */
  connect(): Promise<void> {
    this.socket.connect();
    return this.welcomed;
  }

  close(): void {
    this.inFlight?.abort();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.http.agent.destroy();
  }

  /**
   * React Query's invalidateQueries cancels a refetch still in flight and starts a new one
   * (cancelRefetch: true); httpBatchLink batches the queries started in the same tick.
   */
  private async refetch(calls: typeof ALL_QUERIES): Promise<void> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const started = clock();
    try {
      const results = await trpcQuery({ ...this.http, signal: controller.signal }, calls);
      const at = clock();
      const list = results[calls.length - 1];
      const ok = list?.ok === true && Array.isArray(list.data);
      this.events.onRefetch(at - started, ok);
      if (!ok) return;
      for (const row of list.data as { id: string }[]) {
        if (this.seen.has(row.id)) continue;
        this.seen.add(row.id);
        this.events.onSeen(row.id, at);
      }
    } catch {
      // Aborted by a newer hint (its refetch takes over) or a network error (counted as a miss).
      if (!controller.signal.aborted) this.events.onRefetch(clock() - started, false);
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  }
}
