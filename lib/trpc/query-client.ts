import { defaultShouldDehydrateQuery, MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/**
 * One QueryClient recipe for the server's prefetch and the browser, so dates survive hydration.
 * In the browser, `onError` sees every failed query and mutation: one place notices that the
 * session is over, whichever call found it.
 */
export function makeQueryClient(options: { onError?: (error: unknown) => void; retryable?: (error: unknown) => boolean } = {}): QueryClient {
  const { onError, retryable = () => true } = options;
  return new QueryClient({
    ...(onError ? { queryCache: new QueryCache({ onError }), mutationCache: new MutationCache({ onError }) } : {}),
    defaultOptions: {
      // Freshness comes from socket hints, not from polling or refocus. A refusal that another
      // try cannot change (the session is over) is not retried.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: (failures, error) => failures < 1 && retryable(error) },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query),
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
