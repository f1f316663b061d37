import "server-only";
import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server, type ServerOptions } from "socket.io";
import { HANDSHAKE_UNAVAILABLE, rooms, SOCKET_EVENTS, type Hint, type SequencedHint, type Welcome } from "@/lib/domain/realtime-hints";
import { staffSiteOf, type Actor } from "@/lib/domain/access";
import { decodeSessionCookie, type ResolveActor } from "../auth/actor-from-cookie";
import { onRightsChanged, onSessionsRevoked } from "../auth/sessions/session-events";
import { onClusterResync } from "../cluster/cluster-bus";
import { UNNUMBERED } from "../cluster/room-sequences";
import { handlePresence, type FindWatchableRequest } from "./presence-socket";
import { setHintPublisher } from "./publish";
import { MemoryRoomSequences, type RoomSequenceStore } from "./room-sequence-store";
import { handleWorklistFetch, type ListWorklistForSocket } from "./worklist-socket";
import { SOCKET_MAX_BODY_BYTES } from "../http/body-limits";

/** The other instances' hints, a batch per publish (see the publisher below). */
const CLUSTER_HINTS_EVENT = "teleradio:hints";

/** What another instance sends is checked for the fields a tab relies on before it is handed on. */
function isNumberedHint(value: unknown): value is SequencedHint {
  if (typeof value !== "object" || value === null) return false;
  const hint = value as Record<string, unknown>;
  return typeof hint.kind === "string" && typeof hint.room === "string" && typeof hint.seq === "number";
}

export interface RealtimeOptions {
  secret: string;
  /** Resolves a session's user to an actor; injected so that this module never touches the db. */
  resolveActor: ResolveActor;
  /** Checks a request a tab says it is looking at (presence); without it, presence is off. */
  findWatchableRequest?: FindWatchableRequest;
  /** Answers the live worklist's fetches over the socket; without it, tabs refetch over HTTP. */
  listWorklist?: ListWorklistForSocket;
  /** Refuses the handshake of a page on another site (its Origin); default: none refused. */
  isForeignOrigin?: (req: IncomingMessage) => boolean;
  /**
   * Several instances (lib/server/cluster/start-cluster.ts): socket.io's adapter reaches the
   * sockets of every instance, and room sequence numbers come from the shared database.
   * Without it: one process, numbers in memory.
   */
  cluster?: { adapter: NonNullable<ServerOptions["adapter"]>; sequences: RoomSequenceStore };
  log?: (line: string) => void;
}

/** The rooms an actor listens to, derived from the same scope rules as the queries. */
export function roomsForActor(actor: Actor): string[] {
  const joined = [rooms.user(actor.id)];
  if (actor.role === "DEPARTMENT_HEAD") joined.push(rooms.territory());
  const staffSite = staffSiteOf(actor);
  if (staffSite) joined.push(rooms.siteStaff(staffSite));
  if (actor.role === "RADIOLOGIST") joined.push(...actor.readableSiteIds.map(rooms.siteReaders));
  return joined;
}

/**
 * Attaches socket.io to the HTTP server. The handshake is authenticated with the next-auth
 * session cookie; each hint carries its room's sequence number so that a client that
 * missed one (gap) or reconnected refetches everything.
 */
export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): Server {
  // destroyUpgrade: false leaves other upgrade requests (Next's dev reloader) to Next.
  const io = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    destroyUpgrade: false,
    // engine.io answers its own path before the server's request guard: its polling bodies and
    // WebSocket frames (hints, presence) get the same limit here (413 / close).
    maxHttpBufferSize: SOCKET_MAX_BODY_BYTES,
    // Another site's page could otherwise open a socket with the clinician's cookie and hear the hints.
    allowRequest: (req, callback) => callback(null, !options.isForeignOrigin?.(req)),
    ...(options.cluster ? { adapter: options.cluster.adapter } : {}),
  });
  const sequences = options.cluster?.sequences ?? new MemoryRoomSequences();
  const log = options.log ?? ((line: string) => console.error(`[realtime] ${line}`));

  io.use((socket, next) => {
    // One decode: the session's id is kept to close the socket when the session is revoked.
    const resolve = async () => {
      const named = await decodeSessionCookie(socket.handshake.headers.cookie, options.secret);
      const actor = named ? await options.resolveActor(named.userId, { id: named.sessionId }) : null;
      return { actor, sessionId: named?.sessionId ?? null };
    };
    void resolve().then(
      ({ actor, sessionId }) => {
        if (!actor) return next(new Error("unauthenticated"));
        socket.data.actor = actor;
        socket.data.sessionId = sessionId;
        next();
      },
      // The session could not be checked (the database away for a moment): not a verdict on
      // the session. The tab tries again later instead of calling its session over.
      () => next(new Error(HANDSHAKE_UNAVAILABLE)),
    );
  });

  // A revoked session's sockets close at once: no hint, presence or room of it outlives
  // sign-out. A user whose rights changed is disconnected too: the tab connects again (a
  // server-side disconnect is answered by one new attempt, lib/realtime/live-updates.tsx) and
  // gets the rooms of its new rights, or is refused if its session is over. Every instance hears
  // these events (session-events.ts sends them over the cluster bus) and closes its own sockets.
  const disconnectWhere = (matches: (socket: { data: Record<string, unknown> }) => boolean) => {
    for (const socket of io.sockets.sockets.values()) if (matches(socket)) socket.disconnect(true);
  };
  onSessionsRevoked(({ sessionIds }) => disconnectWhere((socket) => sessionIds.includes(socket.data.sessionId as string)));
  onRightsChanged((userId) => disconnectWhere((socket) => (socket.data.actor as Actor | undefined)?.id === userId));
  // This instance could not hear the others for a while (its database connection was lost): a
  // revocation or a change of rights may have gone by. Each socket's session and rooms are
  // checked again; the ones that no longer hold are closed (and reconnect if they may).
  onClusterResync(() => {
    for (const socket of io.sockets.sockets.values()) {
      const actor = socket.data.actor as Actor;
      const sessionId = socket.data.sessionId as string | null;
      void options
        .resolveActor(actor.id, { id: sessionId })
        .then((current) => {
          if (!current || roomsForActor(current).join() !== roomsForActor(actor).join()) socket.disconnect(true);
        })
        .catch(() => socket.disconnect(true));
    }
  });

  io.on("connection", (socket) => {
    const actor = socket.data.actor as Actor;
    const joined = roomsForActor(actor);
    void socket.join(joined);
    // Listening before the welcome: the tab declares what it looks at as soon as it is welcomed.
    if (options.findWatchableRequest) handlePresence(socket, actor, options.findWatchableRequest);
    if (options.listWorklist) handleWorklistFetch(socket, { resolveActor: options.resolveActor, listWorklist: options.listWorklist });
    // Joined first, numbers read after: a hint numbered before the read is covered by the
    // refetch that follows the welcome; one numbered after it follows the baseline. When the
    // numbers cannot be read, a baseline no hint follows makes the next hint a gap (refetch).
    void sequences.current(joined).then(
      (numbers) => socket.emit(SOCKET_EVENTS.welcome, { rooms: numbers } satisfies Welcome),
      (error: unknown) => {
        log(`room numbers unavailable for a welcome: ${error instanceof Error ? error.message : String(error)}`);
        socket.emit(SOCKET_EVENTS.welcome, { rooms: Object.fromEntries(joined.map((room) => [room, UNNUMBERED])) } satisfies Welcome);
      },
    );
  });

  // One hint numbered for each of its rooms: the sockets of this instance get theirs at once, and
  // the other instances get the whole batch as ONE message through the adapter (serverSideEmit),
  // which they hand to their own sockets. Emitting to each room through the adapter instead
  // would send one database NOTIFY per room (500 for a notification to 500 users), one at a
  // time, and hold this instance's own sockets back until each was sent.
  const deliverLocally = (batch: readonly SequencedHint[]) => {
    for (const numbered of batch) io.local.to(numbered.room).emit(SOCKET_EVENTS.hint, numbered);
  };
  if (options.cluster) {
    io.on(CLUSTER_HINTS_EVENT, (batch: unknown) => {
      if (Array.isArray(batch)) deliverLocally(batch.filter(isNumberedHint));
    });
  }
  setHintPublisher({
    publish(targetRooms: readonly string[], hint: Hint) {
      // A hint whose numbers could not be drawn still goes, unnumbered: every client takes it as
      // a gap and refetches.
      const send = (seqs: readonly number[]) => {
        try {
          const batch = targetRooms.map((room, index) => ({ ...hint, room, seq: seqs[index]! }) satisfies SequencedHint);
          deliverLocally(batch);
          if (options.cluster) io.serverSideEmit(CLUSTER_HINTS_EVENT, batch);
        } catch (error) {
          // A server closing (shutdown) has nobody left to tell.
          log(`hint not sent: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      sequences.next(targetRooms).then(send, (error: unknown) => {
        log(`room numbers unavailable, hint sent unnumbered: ${error instanceof Error ? error.message : String(error)}`);
        send(targetRooms.map(() => UNNUMBERED));
      });
    },
  });

  return io;
}
