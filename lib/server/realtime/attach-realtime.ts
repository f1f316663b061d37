import "server-only";
import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { rooms, SOCKET_EVENTS, type Hint, type SequencedHint, type Welcome } from "@/lib/domain/realtime-hints";
import { staffSiteOf, type Actor } from "@/lib/domain/access";
import { decodeSessionCookie, type ResolveActor } from "../auth/actor-from-cookie";
import { onRightsChanged, onSessionsRevoked } from "../auth/sessions/session-events";
import { handlePresence, type FindWatchableRequest } from "./presence-socket";
import { setHintPublisher } from "./publish";
import { handleWorklistFetch, type ListWorklistForSocket } from "./worklist-socket";
import { SOCKET_MAX_BODY_BYTES } from "../http/body-limits";

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
  });
  const sequences = new Map<string, number>();

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
      () => next(new Error("unauthenticated")),
    );
  });

  // A revoked session's sockets close at once: no hint, presence or room of it outlives
  // sign-out. A user whose rights changed is disconnected too: the tab connects again (a
  // server-side disconnect is answered by one new attempt, lib/realtime/live-updates.tsx) and
  // gets the rooms of its new rights, or is refused if its session is over.
  const disconnectWhere = (matches: (socket: { data: Record<string, unknown> }) => boolean) => {
    for (const socket of io.sockets.sockets.values()) if (matches(socket)) socket.disconnect(true);
  };
  onSessionsRevoked(({ sessionIds }) => disconnectWhere((socket) => sessionIds.includes(socket.data.sessionId as string)));
  onRightsChanged((userId) => disconnectWhere((socket) => (socket.data.actor as Actor | undefined)?.id === userId));

  io.on("connection", (socket) => {
    const actor = socket.data.actor as Actor;
    const joined = roomsForActor(actor);
    void socket.join(joined);
    const welcome: Welcome = { rooms: Object.fromEntries(joined.map((room) => [room, sequences.get(room) ?? 0])) };
    // Listening before the welcome: the tab declares what it looks at as soon as it is welcomed.
    if (options.findWatchableRequest) handlePresence(socket, actor, options.findWatchableRequest);
    if (options.listWorklist) handleWorklistFetch(socket, { resolveActor: options.resolveActor, listWorklist: options.listWorklist });
    socket.emit(SOCKET_EVENTS.welcome, welcome);
  });

  setHintPublisher({
    publish(targetRooms: readonly string[], hint: Hint) {
      for (const room of targetRooms) {
        const seq = (sequences.get(room) ?? 0) + 1;
        sequences.set(room, seq);
        const message: SequencedHint = { ...hint, room, seq };
        io.to(room).emit(SOCKET_EVENTS.hint, message);
      }
    },
  });

  return io;
}
