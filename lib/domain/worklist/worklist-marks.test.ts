import { describe, expect, it } from "vitest";
import { isEscalatedAndWaiting } from "./worklist-marks";

const base = { status: "IMAGES_COMPLETE" as const, escalationLevel: 1, holderId: null, holdAcknowledgedAt: null };

describe("worklist marks", () => {
  it("marks an escalated request nobody has taken, assigned-but-unacknowledged included", () => {
    expect(isEscalatedAndWaiting(base)).toBe(true);
    expect(isEscalatedAndWaiting({ ...base, holderId: "r", holdAcknowledgedAt: null })).toBe(true);
  });

  it("drops the mark once taken, when closed, and for a request that never escalated", () => {
    expect(isEscalatedAndWaiting({ ...base, holderId: "r", holdAcknowledgedAt: new Date() })).toBe(false);
    expect(isEscalatedAndWaiting({ ...base, status: "CANCELLED" })).toBe(false);
    expect(isEscalatedAndWaiting({ ...base, escalationLevel: 0 })).toBe(false);
  });
});
