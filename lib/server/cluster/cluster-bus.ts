import "server-only";
import pg from "pg";
import { CLUSTER_CHANNEL, parseEnvelope, splitForNotify, type ClusterMessage } from "./cluster-messages";
import { instanceId } from "./instance-id";

// Tells the other instances what only this one knows (a change announced, sessions revoked, a
// job due now) over PostgreSQL's LISTEN/NOTIFY: no other engine to run, and a NOTIFY sent after
// a commit reaches every listener. One listening connection per instance; when it is lost (the
// database restarted, the network cut), it connects again by itself with a growing delay, and
// since what was sent meanwhile is gone, the instance then forgets what it may have missed
// (onClusterResync: caches dropped, sockets checked again).
//
// Services (Next's bundle) and the server (custom module graph) meet through a globalThis slot,
// like the hint publisher: sendToCluster() does nothing in a process without a bus (tests).

type Handler = (message: ClusterMessage) => void;

interface BusSlot {
  send?: (message: ClusterMessage) => void;
  handlers: Set<Handler>;
  resyncs: Set<() => void>;
  states: Set<(connected: boolean) => void>;
}

const slot = globalThis as unknown as { __teleradioClusterBus?: BusSlot };
const bus = (slot.__teleradioClusterBus ??= { handlers: new Set(), resyncs: new Set(), states: new Set() });

/** To every other instance; the caller has applied the message to its own instance already. */
export function sendToCluster(message: ClusterMessage): void {
  bus.send?.(message);
}

/** A message from another instance. */
export function onClusterMessage(handler: Handler): () => void {
  bus.handlers.add(handler);
  return () => bus.handlers.delete(handler);
}

/** The listening connection came back after a loss: messages may have been missed. */
export function onClusterResync(handler: () => void): () => void {
  bus.resyncs.add(handler);
  return () => bus.resyncs.delete(handler);
}

/** The listening connection was lost (false) or is listening again (true). */
export function onClusterConnection(handler: (connected: boolean) => void): () => void {
  bus.states.add(handler);
  return () => bus.states.delete(handler);
}

export interface ClusterBus {
  /** Resolves once the first LISTEN is in place (or rejects when the first connect fails). */
  ready: Promise<void>;
  isListening(): boolean;
  close(): Promise<void>;
}

const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 10_000;
// A half-open connection (a database host gone without a word) is noticed by this ping.
const PING_EVERY_MS = 10_000;

export function startClusterBus(options: { connectionString: string; pool: pg.Pool; log: (line: string) => void }): ClusterBus {
  const { log } = options;
  const me = instanceId();
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let failures = 0;
  let lostOnce = false;
  let retry: NodeJS.Timeout | null = null;
  let ping: NodeJS.Timeout | null = null;
  let firstReady!: { resolve: () => void; reject: (error: unknown) => void };
  const ready = new Promise<void>((resolve, reject) => (firstReady = { resolve, reject }));
  let settledFirst = false;

  const deliver = (payload: string | undefined) => {
    const envelope = parseEnvelope(payload);
    if (!envelope || envelope.from === me) return;
    for (const handler of bus.handlers) {
      try {
        handler(envelope.message);
      } catch (error) {
        log(`cluster: a handler failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const lost = (reason: string) => {
    if (ping) clearInterval(ping);
    ping = null;
    const wasListening = listening;
    listening = false;
    const old = client;
    client = null;
    old?.removeAllListeners("notification");
    old?.end().catch(() => undefined);
    if (closed) return;
    if (wasListening) {
      lostOnce = true;
      log(`cluster: listening connection lost (${reason}); connecting again`);
      for (const handler of bus.states) handler(false);
    }
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** failures) * (0.75 + Math.random() / 2);
    failures++;
    retry = setTimeout(() => void connect(), delay);
    retry.unref();
  };

  async function connect(): Promise<void> {
    retry = null;
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString, keepAlive: true, application_name: `teleradio cluster ${me}`.slice(0, 63) });
    client = next;
    next.on("error", (error) => {
      if (client === next) lost(error.message);
    });
    next.on("end", () => {
      if (client === next) lost("connection ended");
    });
    next.on("notification", (notification) => {
      if (notification.channel === CLUSTER_CHANNEL) deliver(notification.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CLUSTER_CHANNEL}`);
    } catch (error) {
      if (!settledFirst) {
        settledFirst = true;
        firstReady.reject(error);
      }
      if (client === next) lost(error instanceof Error ? error.message : String(error));
      return;
    }
    if (client !== next || closed) return;
    listening = true;
    failures = 0;
    ping = setInterval(() => {
      next.query("SELECT 1").catch((error: unknown) => {
        if (client === next) lost(`ping failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, PING_EVERY_MS);
    ping.unref();
    if (!settledFirst) {
      settledFirst = true;
      firstReady.resolve();
    }
    if (lostOnce) {
      log("cluster: listening again; dropping what may have been missed");
      for (const handler of bus.states) handler(true);
      for (const handler of bus.resyncs) handler();
    }
  }

  // Sends are gathered per turn into one statement (in order); repeated "data" and "jobs"
  // messages of a turn say nothing more than the first.
  let queue: ClusterMessage[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    const payloads = batch.flatMap(splitForNotify).map((message) => JSON.stringify({ from: me, message }));
    void sendWithRetry(payloads, 0);
  };
  const sendWithRetry = async (payloads: string[], attempt: number): Promise<void> => {
    try {
      await options.pool.query("SELECT pg_notify($1, payload) FROM unnest($2::text[]) WITH ORDINALITY AS m(payload, n) ORDER BY n", [CLUSTER_CHANNEL, payloads]);
    } catch (error) {
      // The others' listeners are cut too when the database is away, and resync when it is back.
      if (attempt >= 3 || closed) {
        log(`cluster: a message could not be sent: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt).unref());
      return sendWithRetry(payloads, attempt + 1);
    }
  };
  bus.send = (message) => {
    if ((message.kind === "data" || message.kind === "jobs") && queue.some((queued) => queued.kind === message.kind)) return;
    if (queue.length === 0) setImmediate(flush);
    queue.push(message);
  };

  void connect();
  return {
    ready,
    isListening: () => listening,
    async close() {
      closed = true;
      bus.send = undefined;
      if (retry) clearTimeout(retry);
      if (ping) clearInterval(ping);
      const last = client;
      client = null;
      listening = false;
      await last?.end().catch(() => undefined);
    },
  };
}
