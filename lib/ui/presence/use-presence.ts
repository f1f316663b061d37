"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { PresentViewer } from "@/lib/domain/presence";
import { useLiveChannel } from "@/lib/realtime/live-updates";
import { useTRPC } from "@/lib/trpc/react";

/** Tells the server, through the tab's socket, that this page shows the request. */
export function usePresenceWatch(requestId: string): void {
  const channel = useLiveChannel();
  useEffect(() => channel?.watch(requestId), [channel, requestId]);
}

const NOBODY: ReadonlyMap<string, PresentViewer[]> = new Map();

/** Who looks at each of these requests, in one query; refetched on `presence.changed` hints. */
export function useRequestsPresence(requestIds: readonly string[]): ReadonlyMap<string, PresentViewer[]> {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.presence.forRequests.queryOptions({ requestIds: [...requestIds] }, { enabled: requestIds.length > 0 }),
  );
  return useMemo(() => (query.data ? new Map(query.data.map((entry) => [entry.requestId, entry.viewers])) : NOBODY), [query.data]);
}
