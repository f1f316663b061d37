import { describe, expect, it } from "vitest";
import { HintSequenceTracker } from "./hint-sequence";

const hint = (room: string, seq: number) => ({ kind: "request.changed" as const, requestId: "r", version: seq, room, seq });

describe("hint sequence tracking", () => {
  it("accepts consecutive hints of a room", () => {
    const tracker = new HintSequenceTracker();
    tracker.reset({ "readers:a": 4 });
    expect(tracker.accept(hint("readers:a", 5))).toBe(true);
    expect(tracker.accept(hint("readers:a", 6))).toBe(true);
  });

  it("reports a gap so that the client refetches everything", () => {
    const tracker = new HintSequenceTracker();
    tracker.reset({ "readers:a": 4 });
    expect(tracker.accept(hint("readers:a", 7))).toBe(false);
    expect(tracker.accept(hint("readers:a", 8))).toBe(true);
  });

  it("treats a restarted server's lower sequence and unknown rooms as gaps", () => {
    const tracker = new HintSequenceTracker();
    tracker.reset({ "readers:a": 40 });
    expect(tracker.accept(hint("readers:a", 1))).toBe(false);
    expect(tracker.accept(hint("site:b", 1))).toBe(false);
  });
});
