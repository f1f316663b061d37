import { createHash } from "node:crypto";

// What the provider said about a token, kept a short while so that an EHR's burst of calls does
// not cost one UserInfo round trip each. Keyed by the token's SHA-256: the token itself is never
// kept in memory longer than the request, nor logged. Only positive answers are kept: a token
// refused once is asked about again (it may have been a provider hiccup).

export interface CachedBearer {
  rpps: string;
}

export const BEARER_CACHE_MS = 60_000;
export const BEARER_CACHE_LIMIT = 5_000;

export function tokenDigest(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export class BearerTokenCache {
  private readonly entries = new Map<string, CachedBearer & { until: number }>();

  constructor(
    private readonly ttlMs = BEARER_CACHE_MS,
    private readonly limit = BEARER_CACHE_LIMIT,
  ) {}

  get(token: string, now = Date.now()): CachedBearer | null {
    const key = tokenDigest(token);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until <= now) {
      this.entries.delete(key);
      return null;
    }
    return { rpps: entry.rpps };
  }

  /** `expiresAt` (the token's own `exp`, when the provider said) shortens the stay, never lengthens it. */
  set(token: string, value: CachedBearer, now = Date.now(), expiresAt?: number): void {
    const until = Math.min(now + this.ttlMs, expiresAt ?? Number.POSITIVE_INFINITY);
    if (until <= now) return;
    // Bounded: the oldest entry goes first (a Map iterates in insertion order).
    while (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(tokenDigest(token), { ...value, until });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
