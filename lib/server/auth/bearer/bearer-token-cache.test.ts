import { describe, expect, it } from "vitest";
import { BearerTokenCache, tokenDigest } from "./bearer-token-cache";

describe("BearerTokenCache", () => {
  it("keeps a positive answer for its time, then forgets it", () => {
    const cache = new BearerTokenCache(60_000, 10);
    cache.set("token-1", { rpps: "10000000001" }, 1_000);
    expect(cache.get("token-1", 60_999)).toEqual({ rpps: "10000000001" });
    expect(cache.get("token-1", 61_000)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("never keeps an answer past the token's own expiry", () => {
    const cache = new BearerTokenCache(60_000, 10);
    cache.set("token-1", { rpps: "10000000001" }, 1_000, 5_000);
    expect(cache.get("token-1", 4_999)).not.toBeNull();
    expect(cache.get("token-1", 5_000)).toBeNull();
    cache.set("token-2", { rpps: "10000000001" }, 1_000, 500);
    expect(cache.size).toBe(0);
  });

  it("is bounded: the oldest entry makes room", () => {
    const cache = new BearerTokenCache(60_000, 2);
    cache.set("a", { rpps: "10000000001" }, 0);
    cache.set("b", { rpps: "10000000002" }, 0);
    cache.set("c", { rpps: "10000000003" }, 0);
    expect(cache.size).toBe(2);
    expect(cache.get("a", 1)).toBeNull();
    expect(cache.get("c", 1)).toEqual({ rpps: "10000000003" });
  });

  it("is keyed by the token's SHA-256, not the token", () => {
    expect(tokenDigest("secret")).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenDigest("secret")).not.toContain("secret");
  });
});
