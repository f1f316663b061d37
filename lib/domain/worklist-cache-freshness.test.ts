import { describe, expect, it } from "vitest";
import { MAX_VERSION_AHEAD, worklistCacheDecision } from "./worklist-cache-freshness";

const maxAgeMs = 2000;

describe("worklistCacheDecision", () => {
  it("serves an entry computed at the version the instance and the client know", () => {
    expect(worklistCacheDecision({ knownVersion: 7, seenVersion: 7, entry: { version: 7, ageMs: 10 }, maxAgeMs })).toEqual({ knownVersion: 7, serve: true });
    // A client that has not heard of the latest change yet gets the newest rows anyway.
    expect(worklistCacheDecision({ knownVersion: 7, seenVersion: 3, entry: { version: 7, ageMs: 10 }, maxAgeMs })).toEqual({ knownVersion: 7, serve: true });
  });

  it("recomputes after a change the instance announced since the entry's query started", () => {
    expect(worklistCacheDecision({ knownVersion: 8, seenVersion: 0, entry: { version: 7, ageMs: 10 }, maxAgeMs })).toEqual({ knownVersion: 8, serve: false });
  });

  it("recomputes, raising its own version, when the client heard of a change committed elsewhere", () => {
    // Instance 2 computed at 7; instance 1 committed change 9 and told the client.
    expect(worklistCacheDecision({ knownVersion: 7, seenVersion: 9, entry: { version: 7, ageMs: 10 }, maxAgeMs })).toEqual({ knownVersion: 9, serve: false });
    // The entry computed once the instance knew 9 is served to the others who saw 9.
    expect(worklistCacheDecision({ knownVersion: 9, seenVersion: 9, entry: { version: 9, ageMs: 10 }, maxAgeMs })).toEqual({ knownVersion: 9, serve: true });
  });

  it("recomputes an entry too old, whatever its version", () => {
    expect(worklistCacheDecision({ knownVersion: 7, seenVersion: 7, entry: { version: 7, ageMs: maxAgeMs }, maxAgeMs })).toEqual({ knownVersion: 7, serve: false });
  });

  it("computes when nothing is cached", () => {
    expect(worklistCacheDecision({ knownVersion: 0, seenVersion: 4, entry: null, maxAgeMs })).toEqual({ knownVersion: 4, serve: false });
  });

  it("ignores a version no instance could have issued yet, so that a client cannot stop the counter", () => {
    const absurd = Number.MAX_SAFE_INTEGER;
    expect(worklistCacheDecision({ knownVersion: 7, seenVersion: absurd, entry: { version: 7, ageMs: 10 }, maxAgeMs })).toEqual({ knownVersion: 7, serve: true });
    expect(worklistCacheDecision({ knownVersion: 7, seenVersion: 7 + MAX_VERSION_AHEAD, entry: { version: 7, ageMs: 10 }, maxAgeMs })).toEqual({ knownVersion: 7 + MAX_VERSION_AHEAD, serve: false });
  });
});
