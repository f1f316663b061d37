// One simulated browser with the worklist page open, doing what lib/realtime/live-updates.tsx,
// lib/realtime/worklist-over-socket.ts and React Query do on its hints: the worklist asked for
// over the socket, the notification bell and the rows' presence refetched over HTTP, and
// everything refetched over HTTP on a (re)connection or a gap. Every message the client
// receives is counted by kind, with its bytes.
import { Agent } from "node:http";
import { io, type Socket } from "socket.io-client";
import superjson from "superjson";
import { NOTIFICATION_BELL_LIMIT } from "@/lib/domain/notifications";
import { SOCKET_EVENTS, type SequencedHint, type Welcome } from "@/lib/domain/realtime-hints";
import { WORKLIST_FETCH_EVENT, type WorklistFetchAnswer } from "@/lib/domain/worklist-fetch";
import { HintSequenceTracker } from "@/lib/realtime/hint-sequence";
import { WORKLIST_FETCH_TIMEOUT_MS } from "@/lib/realtime/worklist-over-socket";
import { EMPTY_FILTERS, toWorklistQueryInput } from "@/lib/ui/worklist/worklist-query";
import { clock } from "./clock";
import { batchQueryPath, decodeBatch, httpCall, type HttpOptions } from "./trpc-http";

/** The worklist page's own input with no filter chosen (the one it prefetches, too). */
export const EMPTY_FILTER_INPUT = toWorklistQueryInput(EMPTY_FILTERS);

const SITES = { path: "worklist.sites", input: undefined };
const LIST = { path: "worklist.list", input: EMPTY_FILTER_INPUT };
const BELL = { path: "notifications.list", input: { limit: NOTIFICATION_BELL_LIMIT } };
const presenceOf = (requestIds: readonly string[]) => ({ path: "presence.forRequests", input: { requestIds: [...requestIds] } });

/** What a received message was, for the traffic figures. */
export type TrafficKind = string;

export interface ClientEvents {
  /** A request id appeared in this client's worklist for the first time (clock()). */
  onSeen: (requestId: string, at: number) => void;
  onHint: (hint: SequencedHint, at: number) => void;
  /** One worklist fetch completed (over the socket after a hint, over HTTP on a resync): its round trip. */
  onFetch: (durationMs: number, ok: boolean, over: "socket" | "http") => void;
  /** A message received: socket frames by event, HTTP answers by query. */
  onTraffic: (kind: TrafficKind, bytes: number) => void;
}

export class WorklistClient {
  private readonly socket: Socket;
  private readonly tracker = new HintSequenceTracker();
  private readonly http: HttpOptions;
  private readonly seen = new Set<string>();
  private readonly inFlight = new Map<string, AbortController>();
  private rowIds: string[] = [];
  private seenVersion = 0;
  private fetchTicket = 0;
  private appliedTicket = 0;
  /** The kind of the binary frames that follow a binary packet's header. */
  private attachmentKind: TrafficKind = "socket:other";
  private welcomed: Promise<void>;
  disconnects = 0;

  constructor(
    baseUrl: string,
    cookie: string,
    private readonly events: ClientEvents,
    /** false: only the worklist follows hints (to measure it alone); the bell and presence stay still. */
    private readonly wholePage = true,
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
    this.socket.io.on("open", () => this.socket.io.engine.on("packet", (packet: { type: string; data?: unknown }) => this.count(packet)));
    this.welcomed = new Promise((resolve, reject) => {
      this.socket.once(SOCKET_EVENTS.welcome, () => resolve());
      this.socket.once("connect_error", (error) => reject(error));
    });

    // As LiveUpdatesProvider: welcome = (re)connected, refetch every active query over HTTP.
    this.socket.on(SOCKET_EVENTS.welcome, (welcome: Welcome) => {
      this.tracker.reset(welcome.rooms);
      void this.resync();
    });
    this.socket.on(SOCKET_EVENTS.hint, (hint: SequencedHint) => {
      this.events.onHint(hint, clock());
      if (hint.kind === "request.changed") this.seenVersion = Math.max(this.seenVersion, hint.version);
      if (!this.tracker.accept(hint)) return void this.resync();
      // The other queries a request.changed hint invalidates are not active on the worklist page.
      if (hint.kind === "request.changed") void this.fetchOverSocket();
      else if (!this.wholePage) return;
      else if (hint.kind === "notifications.changed") void this.query("bell", [BELL]);
      else if (hint.kind === "presence.changed" && this.rowIds.length > 0) void this.query("presence", [presenceOf(this.rowIds)]);
    });
    this.socket.on("disconnect", () => this.disconnects++);
  }

  /** Connects and resolves on the first `welcome` (handshake authenticated, rooms joined). */
  connect(): Promise<void> {
    this.socket.connect();
    return this.welcomed;
  }

  close(): void {
    for (const controller of this.inFlight.values()) controller.abort();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.http.agent.destroy();
  }

  /** Socket.io frames as they arrive: hints by kind, the worklist answers, pings. */
  private count(packet: { type: string; data?: unknown }): void {
    if (packet.type !== "message") return this.events.onTraffic(`socket:${packet.type}`, typeof packet.data === "string" ? packet.data.length : 0);
    const data = packet.data;
    if (typeof data !== "string") {
      const bytes = data instanceof ArrayBuffer || ArrayBuffer.isView(data) ? data.byteLength : 0;
      return this.events.onTraffic(this.attachmentKind, bytes);
    }
    const bytes = Buffer.byteLength(data);
    let kind: TrafficKind = "socket:other";
    if (data.startsWith('2["hint"')) kind = `socket:hint:${/"kind":"([^"]+)"/.exec(data)?.[1] ?? "?"}`;
    else if (data.startsWith('2["welcome"')) kind = "socket:welcome";
    else if (data.startsWith("3") || data.startsWith("6")) kind = "socket:worklist";
    if (data.startsWith("6")) this.attachmentKind = kind;
    this.events.onTraffic(kind, bytes);
  }

  /** As WorklistOverSocket.refresh: ask over the socket, fall back to HTTP on a refusal or a timeout. */
  private async fetchOverSocket(): Promise<void> {
    const ticket = ++this.fetchTicket;
    const started = clock();
    try {
      const answer = (await this.socket.timeout(WORKLIST_FETCH_TIMEOUT_MS).emitWithAck(WORKLIST_FETCH_EVENT, { input: EMPTY_FILTER_INPUT, version: this.seenVersion })) as WorklistFetchAnswer;
      if (!answer.ok) throw new Error(answer.error);
      const rows = superjson.parse<{ id: string }[]>(Buffer.from(answer.rows as Uint8Array).toString("utf8"));
      const at = clock();
      this.events.onFetch(at - started, true, "socket");
      if (ticket > this.appliedTicket) {
        this.appliedTicket = ticket;
        this.showRows(rows, at);
      }
    } catch {
      this.events.onFetch(clock() - started, false, "socket");
      await this.query("list", [LIST]);
    }
  }

  /** A (re)connection or a gap: every active query, batched in one request as httpBatchLink does. */
  private async resync(): Promise<void> {
    this.fetchTicket++;
    await this.query("resync", [SITES, LIST, BELL]);
  }

  /** The rows React renders: new ids are seen; a new id set makes the presence query (its key) fetch. */
  private showRows(rows: readonly { id: string }[], at: number): void {
    for (const row of rows) {
      if (this.seen.has(row.id)) continue;
      this.seen.add(row.id);
      this.events.onSeen(row.id, at);
    }
    const ids = rows.map((row) => row.id);
    const changed = ids.length !== this.rowIds.length || ids.some((id, index) => id !== this.rowIds[index]);
    this.rowIds = ids;
    if (changed && ids.length > 0 && this.wholePage) void this.query("presence", [presenceOf(ids)]);
  }

  /**
   * React Query's invalidateQueries cancels a refetch still in flight and starts a new one
   * (cancelRefetch: true); httpBatchLink batches the queries started in the same tick.
   */
  private async query(name: string, calls: readonly { path: string; input: unknown }[]): Promise<void> {
    this.inFlight.get(name)?.abort();
    const controller = new AbortController();
    this.inFlight.set(name, controller);
    const started = clock();
    const listIndex = calls.findIndex((call) => call.path === LIST.path);
    try {
      const response = await httpCall({ ...this.http, signal: controller.signal }, "GET", batchQueryPath(calls));
      this.events.onTraffic(`http:${name}`, Buffer.byteLength(response.body));
      const results = decodeBatch(response.status, response.body);
      if (listIndex < 0) return;
      const at = clock();
      const list = results[listIndex];
      const ok = list?.ok === true && Array.isArray(list.data);
      this.events.onFetch(at - started, ok, "http");
      if (ok) this.showRows(list.data as { id: string }[], at);
    } catch {
      // Aborted by a newer hint (its refetch takes over) or a network error (counted as a miss).
      if (listIndex >= 0 && !controller.signal.aborted) this.events.onFetch(clock() - started, false, "http");
    } finally {
      if (this.inFlight.get(name) === controller) this.inFlight.delete(name);
    }
  }
}
