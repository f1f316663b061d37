"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { TRPC_MAX_BATCH_SIZE } from "./batch-limit";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/lib/server/trpc/app-router";
import { announceSessionOver } from "@/lib/ui/session/kept-forms";
import { isUnauthenticatedError } from "./error-message";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() =>
    makeQueryClient({
      // Any call refused because the session ended (queries, mutations, every form): the tab
      // says so once, keeps the forms and offers to sign in again (lib/ui/session).
      onError: (error) => {
        if (isUnauthenticatedError(error)) announceSessionOver();
      },
    }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: TRPC_MAX_BATCH_SIZE })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
