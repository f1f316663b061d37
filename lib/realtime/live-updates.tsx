"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io } from "socket.io-client";
import { PRESENCE_EVENTS, type PresenceWatch } from "@/lib/domain/presence";
import { HANDSHAKE_UNAVAILABLE, SOCKET_EVENTS, type SequencedHint, type Welcome } from "@/lib/domain/realtime-hints";
import { WORKLIST_FETCH_EVENT, type WorklistFetchAnswer } from "@/lib/domain/worklist-fetch";
import { useTRPC } from "@/lib/trpc/react";
import { isSessionOver, markSessionOver, subscribeSessionOver } from "@/lib/ui/session/session-over";
import { HintSequenceTracker } from "./hint-sequence";
import { LiveChannel } from "./live-channel";
import { WORKLIST_FETCH_TIMEOUT_MS, WorklistOverSocket, type FetchWorklist } from "./worklist-over-socket";

/** "ended": the session is over; the socket is closed and nothing says live any more. */
export type LiveStatus = "connecting" | "live" | "offline" | "ended";

const LiveStatusContext = createContext<LiveStatus>("connecting");

/** How long a tab waits before asking again when the server could not check its session. */
const HANDSHAKE_RETRY_MS = 3_000;

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

const LiveChannelContext = createContext<LiveChannel | null>(null);

/** The tab's one socket, for presence and vital alerts; null when live updates are off (signed out, admin). */
export function useLiveChannel(): LiveChannel | null {
  return useContext(LiveChannelContext);
}

/**
 * Listens to the socket's invalidation hints and turns them into tRPC refetches; the worklist
 * itself is asked for over the socket (worklist-over-socket.ts). On every (re)connection, and
 * whenever a room's sequence shows a gap, everything is refetched over HTTP: whatever happened
 * while we were not listening is picked up.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [channel] = useState(() => new LiveChannel());

  useEffect(() => {
    const socket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const tracker = new HintSequenceTracker();
    const worklist = new WorklistOverSocket(queryClient, trpc.worklist.list.queryKey());
    const fetchWorklist: FetchWorklist = (fetch) => socket.timeout(WORKLIST_FETCH_TIMEOUT_MS).emitWithAck(WORKLIST_FETCH_EVENT, fetch) as Promise<WorklistFetchAnswer>;

    socket.on(SOCKET_EVENTS.welcome, (welcome: Welcome) => {
      tracker.reset(welcome.rooms);
      setStatus("live");
      channel.connected((requestIds) => {
        const watch: PresenceWatch = { requestIds, mode: "viewing" };
        socket.emit(PRESENCE_EVENTS.watch, watch);
      });
      worklist.supersede();
      void queryClient.invalidateQueries();
    });
    socket.on(SOCKET_EVENTS.hint, (hint: SequencedHint) => {
      // The alert rings even when this hint reveals a gap (everything is refetched then).
      if (hint.kind === "notifications.changed" && hint.vital) channel.vitalAlert();
      if (hint.kind === "request.changed") worklist.noteVersion(hint.version);
      if (!tracker.accept(hint)) {
        worklist.supersede();
        void queryClient.invalidateQueries();
        return;
      }
      switch (hint.kind) {
        case "images.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.images.pathKey() });
          return;
        case "request.changed":
          worklist.refresh(fetchWorklist, hint.version);
          void queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId: hint.requestId }) });
          void queryClient.invalidateQueries({ queryKey: trpc.images.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.reports.forRequest.queryKey({ requestId: hint.requestId }) });
          void queryClient.invalidateQueries({ queryKey: trpc.critical.forRequest.queryKey({ requestId: hint.requestId }) });
          void queryClient.invalidateQueries({ queryKey: trpc.portal.pathKey() });
          // Assignment, take-over, escalation and handover change the holder panel and the heads' board.
          void queryClient.invalidateQueries({ queryKey: trpc.assignment.forRequest.queryKey({ requestId: hint.requestId }) });
          void queryClient.invalidateQueries({ queryKey: trpc.hl7Messages.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.pacsExports.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.assignment.escalated.pathKey() });
          // Any request's change may move the live operations board's figures (heads only see it).
          void queryClient.invalidateQueries({ queryKey: trpc.operations.pathKey() });
          return;
        case "thread.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.thread.byRequest.queryKey({ requestId: hint.requestId }) });
          return;
        case "presence.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.presence.pathKey() });
          return;
        case "notifications.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
          return;
        case "report.measurements.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.reports.measurements.queryKey({ requestId: hint.requestId }) });
          return;
        default: {
          const unreachable: never = hint;
          return unreachable;
        }
      }
    });
    socket.on("disconnect", (reason) => {
      channel.disconnected();
      setStatus("offline");
      // The server closed it (the user's rights changed, or the session ended): one new attempt
      // gets the rooms of the new rights, or is refused for an ended session. socket.io retries
      // by itself only after a network loss.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", (error) => {
      setStatus("offline");
      // The handshake refuses an ended session (attach-realtime.ts): the tab learns it here
      // too, even before any tRPC call.
      if (error.message === "unauthenticated") markSessionOver();
      // The server could not check the session for a moment (its database restarting): socket.io
      // does not retry a refused handshake by itself, so the tab asks again a little later.
      if (error.message === HANDSHAKE_UNAVAILABLE) retryTimer = setTimeout(() => socket.connect(), HANDSHAKE_RETRY_MS);
    });
    // However the tab learns its session ended: no more hints, and never "En direct".
    const endLive = () => {
      clearTimeout(retryTimer);
      channel.disconnected();
      socket.removeAllListeners();
      socket.disconnect();
      setStatus("ended");
    };
    const unsubscribe = subscribeSessionOver(endLive);
    if (isSessionOver()) endLive();

    return () => {
      clearTimeout(retryTimer);
      unsubscribe();
      channel.disconnected();
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [queryClient, trpc, channel]);

  return (
    <LiveChannelContext.Provider value={channel}>
      <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>
    </LiveChannelContext.Provider>
  );
}
