"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io } from "socket.io-client";
import { SOCKET_EVENTS, type SequencedHint, type Welcome } from "@/lib/domain/realtime-hints";
import { useTRPC } from "@/lib/trpc/react";
import { HintSequenceTracker } from "./hint-sequence";

export type LiveStatus = "connecting" | "live" | "offline";

const LiveStatusContext = createContext<LiveStatus>("connecting");

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

/**
 * Listens to the socket's invalidation hints and turns them into tRPC refetches. On every
 * (re)connection, and whenever a room's sequence shows a gap, everything is refetched:
 * whatever happened while we were not listening is picked up.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    const socket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
    const tracker = new HintSequenceTracker();

    socket.on(SOCKET_EVENTS.welcome, (welcome: Welcome) => {
      tracker.reset(welcome.rooms);
      setStatus("live");
      void queryClient.invalidateQueries();
    });
    socket.on(SOCKET_EVENTS.hint, (hint: SequencedHint) => {
      if (!tracker.accept(hint)) {
        void queryClient.invalidateQueries();
        return;
      }
      switch (hint.kind) {
        case "images.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.images.pathKey() });
          return;
        case "request.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.worklist.list.queryKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId: hint.requestId }) });
          void queryClient.invalidateQueries({ queryKey: trpc.images.pathKey() });
          return;
        case "thread.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.thread.pathKey() });
          return;
        case "presence.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.presence.pathKey() });
          return;
        case "notifications.changed":
          void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
          return;
        default: {
          const unreachable: never = hint;
          return unreachable;
        }
      }
    });
    socket.on("disconnect", () => setStatus("offline"));
    socket.on("connect_error", () => setStatus("offline"));

    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [queryClient, trpc]);

  return <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>;
}
