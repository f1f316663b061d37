import "server-only";
import superjson from "superjson";
import { worklistCacheDecision } from "@/lib/domain/worklist-cache-freshness";
import { dataVersion, noteDataVersion } from "../../realtime/data-version";
import type { WorklistListRow } from "./worklist-list-row";

// When a change is announced, every open worklist asks for its rows at once. Clients with the
// same scope (readable sites) and filters get the same rows, so the query runs once per scope
// and data version and the others share its result; over the socket they also share its
// serialization (one superjson string per entry, sent as bytes to every client of the scope).
// An entry is served only while worklistCacheDecision allows it: the version is raised after
// commit and before the hint goes out, so a client told about a change never gets rows
// computed before it. The short age limit bounds staleness for changes nobody announced here.
const MAX_AGE_MS = 2000;
const MAX_ENTRIES = 500;

export interface SharedWorklist {
  /** The version known when the query started: the rows include every change up to it. */
  version: number;
  rows: Promise<WorklistListRow[]>;
  /** The rows as tRPC's transformer writes them (superjson), UTF-8; computed once per entry. */
  serialized: () => Promise<Uint8Array>;
}

interface Entry extends SharedWorklist {
  createdAt: number;
}

const slot = globalThis as unknown as { __teleradioWorklistCache?: Map<string, Entry> };

/**
 * The shared worklist of a scope. `seenVersion`: the highest change number the caller was
 * told about (0 when it does not say, as the tRPC query).
 */
export function sharedWorklistRows(scopeKey: string, seenVersion: number, load: () => Promise<WorklistListRow[]>): SharedWorklist {
  const entries = (slot.__teleradioWorklistCache ??= new Map());
  const now = Date.now();
  const hit = entries.get(scopeKey);
  const decision = worklistCacheDecision({
    knownVersion: dataVersion(),
    seenVersion,
    entry: hit ? { version: hit.version, ageMs: now - hit.createdAt } : null,
    maxAgeMs: MAX_AGE_MS,
  });
  const version = noteDataVersion(decision.knownVersion);
  if (hit && decision.serve) return hit;

  const rows = load();
  let serialized: Promise<Uint8Array> | null = null;
  const entry: Entry = {
    version,
    createdAt: now,
    rows,
    serialized: () => (serialized ??= rows.then((list) => Buffer.from(superjson.stringify(list)))),
  };
  // Older versions are never served again: drop them so that the map holds current scopes only.
  for (const [key, other] of entries) if (other.version < version) entries.delete(key);
  entries.set(scopeKey, entry);
  rows.catch(() => {
    if (entries.get(scopeKey) === entry) entries.delete(scopeKey);
  });
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return entry;
}
