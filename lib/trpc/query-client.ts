import { defaultShouldDehydrateQuery, MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";
import { queryRetryDelay, shouldRetryQuery } from "./retry-policy";

/**
 * One QueryClient recipe for the server's prefetch and the browser, so dates survive hydration.
 * In the browser, `onError` sees every failed query and mutation: one place notices that the
 * session is over, whichever call found it.
 */
export function makeQueryClient(options: { onError?: (error: unknown) => void } = {}): QueryClient {
  const { onError } = options;
  return new QueryClient({
    ...(onError ? { queryCache: new QueryCache({ onError }), mutationCache: new MutationCache({ onError }) } : {}),
    defaultOptions: {
      // Freshness comes from socket hints, not from polling or refocus. Only a 503 (the
      // database restarting) is tried again, after the server's Retry-After (retry-policy.ts).
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: shouldRetryQuery, retryDelay: queryRetryDelay },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query),
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
