import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/** One QueryClient recipe for the server's prefetch and the browser, so dates survive hydration. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Freshness comes from socket hints, not from polling or refocus.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query),
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
