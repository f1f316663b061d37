import "server-only";
import { dataVersion } from "../../realtime/data-version";
import type { WorklistListRow } from "./worklist-list-row";

// When a change is announced, every open worklist refetches at once. Clients with the same
// scope (readable sites) and filters get the same rows, so the query runs once per scope and
// data version and the others share its result. Keyed by the data version, which is bumped
// after commit and before the hint goes out: a client told about a change never gets rows
// computed before it. The short TTL bounds staleness for changes made outside this process.
const TTL_MS = 2000;
const MAX_ENTRIES = 500;

interface Cache {
  version: number;
  entries: Map<string, { createdAt: number; rows: Promise<WorklistListRow[]> }>;
}

const slot = globalThis as unknown as { __teleradioWorklistCache?: Cache };

export function sharedWorklistRows(scopeKey: string, load: () => Promise<WorklistListRow[]>): Promise<WorklistListRow[]> {
  const version = dataVersion();
  const cache = (slot.__teleradioWorklistCache ??= { version, entries: new Map() });
  if (cache.version !== version) {
    cache.version = version;
    cache.entries.clear();
  }
  const now = Date.now();
  const hit = cache.entries.get(scopeKey);
  if (hit && now - hit.createdAt < TTL_MS) return hit.rows;

  const rows = load();
  cache.entries.set(scopeKey, { createdAt: now, rows });
  rows.catch(() => cache.entries.delete(scopeKey));
  if (cache.entries.size > MAX_ENTRIES) {
    const oldest = cache.entries.keys().next().value;
    if (oldest !== undefined) cache.entries.delete(oldest);
  }
  return rows;
}
