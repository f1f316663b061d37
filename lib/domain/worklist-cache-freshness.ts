// When a worklist computed earlier may be handed out again. Versions number the announced
// changes (lib/server/realtime/data-version.ts); an entry carries the version its server knew
// when the query STARTED, so it contains every change of that number or below (the number is
// raised after the commit). A client sends the highest version it was told about: with
// several instances, it may have heard of a change committed elsewhere that this instance's
// cache predates.

/**
 * How far ahead of its instance a client's version may be and still be believed. A client
 * cannot prove it heard of a version: without a bound, one sending 2^53 would stop the counter
 * (it would no longer rise) and with it every cache keyed by it. Another instance is never
 * that far ahead; a claim beyond is ignored (the instance's own version applies).
 */
export const MAX_VERSION_AHEAD = 1_000_000;

export interface CachedWorklist {
  /** The version known when the entry's query started. */
  version: number;
  ageMs: number;
}

export interface CacheDecision {
  /** The instance's known version from now on: never lower than any a client reported. */
  knownVersion: number;
  /** true: serve the entry; false: run the query again (at `knownVersion`). */
  serve: boolean;
}

/**
 * Serves an entry only if it was computed after its instance knew of every change the client
 * has heard of, and of every change the instance itself has announced since; `maxAgeMs`
 * bounds how long a change nobody announced to this instance can stay unseen.
 */
export function worklistCacheDecision(args: {
  knownVersion: number;
  seenVersion: number;
  entry: CachedWorklist | null;
  maxAgeMs: number;
}): CacheDecision {
  const believable = args.seenVersion <= args.knownVersion + MAX_VERSION_AHEAD;
  const knownVersion = believable ? Math.max(args.knownVersion, args.seenVersion) : args.knownVersion;
  const entry = args.entry;
  const serve = entry !== null && entry.version >= knownVersion && entry.ageMs < args.maxAgeMs;
  return { knownVersion, serve };
}
