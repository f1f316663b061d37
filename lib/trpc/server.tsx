import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { currentActor } from "@/lib/server/auth/current-actor";
import { getDb } from "@/lib/server/db/client";
import { appRouter } from "@/lib/server/trpc/app-router";
import { makeQueryClient } from "./query-client";

// Server components prefetch through the same procedures (same checks, same audit) as the
// browser, and hand the results over in the page so the first paint has the data.
export const getQueryClient = cache(makeQueryClient);

export const serverTrpc = createTRPCOptionsProxy({
  ctx: async () => ({ db: getDb(), actor: await currentActor() }),
  router: appRouter,
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
