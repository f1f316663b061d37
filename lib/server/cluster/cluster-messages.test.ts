import { describe, expect, it } from "vitest";
import { parseEnvelope, splitForNotify } from "./cluster-messages";

describe("cluster messages", () => {
  it("reads only well-formed messages of ours: anyone may NOTIFY on the channel", () => {
    expect(parseEnvelope(JSON.stringify({ from: "i-1", message: { kind: "data" } }))).toEqual({ from: "i-1", message: { kind: "data" } });
    expect(parseEnvelope(JSON.stringify({ from: "i-1", message: { kind: "rights", userId: "u" } }))).toEqual({ from: "i-1", message: { kind: "rights", userId: "u" } });
    // Extra fields are not carried over.
    expect(parseEnvelope(JSON.stringify({ from: "i-1", message: { kind: "jobs", extra: 1 } }))).toEqual({ from: "i-1", message: { kind: "jobs" } });
    for (const bad of [undefined, "", "not json", "null", "[]", '{"from":1,"message":{"kind":"data"}}', '{"from":"i","message":{"kind":"drop tables"}}', '{"from":"i","message":{"kind":"revoked","sessionIds":[1]}}', '{"from":"i","message":{"kind":"rights"}}']) {
      expect(parseEnvelope(bad)).toBeNull();
    }
  });

  it("splits a long list of revoked sessions so that each NOTIFY stays under 8000 bytes", () => {
    const sessionIds = Array.from({ length: 250 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const parts = splitForNotify({ kind: "revoked", sessionIds });
    expect(parts).toHaveLength(3);
    expect(parts.flatMap((part) => (part.kind === "revoked" ? part.sessionIds : []))).toEqual(sessionIds);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify({ from: "x".repeat(64), message: part }))).toBeLessThan(8000);
    expect(splitForNotify({ kind: "data" })).toEqual([{ kind: "data" }]);
  });
});
