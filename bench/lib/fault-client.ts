// One radiologist's worklist page for the faults bench, through the load balancer: a socket.io
// connection (WebSocket) and the fetches the browser makes, as lib/realtime/live-updates.tsx and
// React Query do them: a `request.changed` hint in sequence asks for the list over the socket
// (HTTP if that fails), a gap or a (re)connection refetches everything over HTTP, and a 503 is
// tried again after its Retry-After (lib/trpc/retry-policy.ts).
// It remembers when it first saw each request in each state, for the bench's "missed" count.
import { Agent, request } from "node:http";
import { io, type Socket } from "socket.io-client";
import superjson from "superjson";
import { SOCKET_EVENTS, type SequencedHint, type Welcome } from "@/lib/domain/realtime-hints";
import { WORKLIST_FETCH_EVENT, type WorklistFetchAnswer } from "@/lib/domain/worklist-fetch";
import { WORKLIST_FETCH_TIMEOUT_MS } from "@/lib/realtime/worklist-over-socket";
import { HintSequenceTracker } from "@/lib/realtime/hint-sequence";
import { batchQueryPath, decodeBatch } from "./trpc-http";
import { EMPTY_FILTER_INPUT } from "./worklist-client";

const ALL_QUERIES = [
  { path: "worklist.sites", input: undefined },
  { path: "worklist.list", input: EMPTY_FILTER_INPUT },
];
const LIST_QUERY = [{ path: "worklist.list", input: EMPTY_FILTER_INPUT }];
/** React Query's retries on a 503 (lib/trpc/retry-policy.ts). */
const MAX_RETRIES = 3;

/** What a row shows of a request's life: 1 submitted and free, 2 claimed (by `holderId`). */
export interface RowState {
  stage: 1 | 2;
  holderId: string | null;
}

export interface StatusCounter {
  count: (what: string, status: number | "network") => void;
}

export class FaultClient {
  private readonly socket: Socket;
  private readonly tracker = new HintSequenceTracker();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 6 });
  private generation = 0;
  private inFlight: AbortController | null = null;
  /** The highest change number heard of, sent with each socket fetch (as the browser does). */
  private seenVersion = 0;
  /** The worklist as last shown: request id -> its row's state. */
  shown = new Map<string, RowState>();
  /** When this client first showed request `id` at stage >= s: key `${id}:${s}`. */
  readonly firstShown = new Map<string, number>();
  connectedAt: number | null = null;
  disconnectedAt: number | null = null;
  /** Every time a connection was lost and found again: [lost, welcomed]. */
  readonly reconnections: Array<[number, number]> = [];
  welcomes = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly counter: StatusCounter,
  ) {
    this.socket = io(baseUrl, {
      path: "/socket.io",
      transports: ["websocket"],
      extraHeaders: { cookie },
      forceNew: true,
      autoConnect: false,
      // The browser's defaults: 1 s first, then up to 5 s with jitter.
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 5_000,
    });
    this.socket.on(SOCKET_EVENTS.welcome, (welcome: Welcome) => {
      const now = Date.now();
      this.welcomes++;
      if (this.disconnectedAt !== null) this.reconnections.push([this.disconnectedAt, now]);
      this.disconnectedAt = null;
      this.connectedAt = now;
      this.tracker.reset(welcome.rooms);
      void this.refetch(ALL_QUERIES);
    });
    this.socket.on(SOCKET_EVENTS.hint, (hint: SequencedHint) => {
      if (hint.kind === "request.changed" && hint.version > this.seenVersion) this.seenVersion = hint.version;
      if (!this.tracker.accept(hint)) return void this.refetch(ALL_QUERIES);
      // Other hints (the bell, presence, threads) refetch other panels, not the worklist.
      if (hint.kind === "request.changed") void this.fetchOverSocket();
    });
    this.socket.on("disconnect", (reason) => {
      this.disconnectedAt ??= Date.now();
      this.connectedAt = null;
      if (reason === "io server disconnect") this.socket.connect();
    });
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once(SOCKET_EVENTS.welcome, () => resolve());
      this.socket.once("connect_error", reject);
      this.socket.connect();
    });
  }

  get connected(): boolean {
    return this.connectedAt !== null;
  }

  close(): void {
    this.generation++;
    this.inFlight?.abort();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.agent.destroy();
  }

  /** The worklist as the server has it now (the bench's truth at the end), not shown. */
  async fetchTruth(): Promise<Map<string, RowState> | null> {
    const answer = await this.exchange(LIST_QUERY, new AbortController().signal).catch(() => null);
    return answer?.rows ?? null;
  }

  /**
   * As React Query's invalidateQueries: a newer refetch cancels one in flight (its request is
   * aborted, as tRPC's link does), and a 503 is tried again after Retry-After, up to three times.
   */
  private async refetch(calls: typeof ALL_QUERIES): Promise<void> {
    const generation = ++this.generation;
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      let answer: Awaited<ReturnType<FaultClient["exchange"]>>;
      try {
        answer = await this.exchange(calls, controller.signal);
      } catch {
        if (!controller.signal.aborted) this.counter.count("refetch", "network");
        return;
      }
      this.counter.count("refetch", answer.status);
      if (generation !== this.generation) return;
      if (answer.rows) {
        this.show(answer.rows);
        return;
      }
      if (answer.status !== 503) return;
      await new Promise((resolve) => setTimeout(resolve, answer.retryAfterMs));
      if (generation !== this.generation) return;
    }
  }

  /** The worklist over the socket; a refusal or no answer in time falls back to HTTP. */
  private async fetchOverSocket(): Promise<void> {
    const generation = ++this.generation;
    this.inFlight?.abort();
    let answer: WorklistFetchAnswer;
    try {
      answer = (await this.socket.timeout(WORKLIST_FETCH_TIMEOUT_MS).emitWithAck(WORKLIST_FETCH_EVENT, { input: EMPTY_FILTER_INPUT, version: this.seenVersion })) as WorklistFetchAnswer;
    } catch {
      this.counter.count("socket_fetch", "network");
      if (generation === this.generation) void this.refetch(LIST_QUERY);
      return;
    }
    this.counter.count("socket_fetch", answer.ok ? 200 : 503);
    if (generation !== this.generation) return;
    if (!answer.ok) return void this.refetch(LIST_QUERY);
    this.show(toRows(superjson.parse<WireRow[]>(Buffer.from(answer.rows as Uint8Array).toString("utf8"))));
  }

  private show(rows: Map<string, RowState>): void {
    const now = Date.now();
    this.shown = rows;
    for (const [id, row] of rows) {
      for (let stage = 1; stage <= row.stage; stage++) {
        const key = `${id}:${stage}`;
        if (!this.firstShown.has(key)) this.firstShown.set(key, now);
      }
    }
  }

  private exchange(calls: typeof ALL_QUERIES, signal: AbortSignal): Promise<{ status: number; retryAfterMs: number; rows: Map<string, RowState> | null }> {
    return new Promise((resolve, reject) => {
      const req = request(new URL(batchQueryPath(calls), this.baseUrl), { agent: this.agent, signal, headers: { cookie: this.cookie, accept: "*/*" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const retryAfter = Number(res.headers["retry-after"]);
          const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 5_000;
          const results = decodeBatch(status, Buffer.concat(chunks).toString("utf8"));
          const list = results[calls.length - 1];
          const rows = status === 200 && list?.ok && Array.isArray(list.data) ? toRows(list.data as WireRow[]) : null;
          resolve({ status, retryAfterMs, rows });
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  }
}

interface WireRow {
  id: string;
  holder: { id: string } | null;
}

function toRows(data: readonly WireRow[]): Map<string, RowState> {
  return new Map(data.map((row) => [row.id, { stage: row.holder ? 2 : 1, holderId: row.holder?.id ?? null }]));
}
