import { describe, expect, it } from "vitest";
import { exclusionReason, onePerRadiologist, type AssignmentCandidate } from "./eligibility";

const at = new Date("2026-11-24T10:00:00Z");
const hours = (h: number) => new Date(at.getTime() + h * 3_600_000);

function candidate(overrides: Partial<AssignmentCandidate> = {}): AssignmentCandidate {
  return {
    id: "a",
    name: "Dr A",
    shiftId: "s1",
    shiftRole: "PRIMARY",
    shiftStartsAt: hours(-2),
    shiftEndsAt: hours(6),
    subspecialties: [],
    privilege: { expiresAt: null },
    ...overrides,
  };
}

describe("eligibility", () => {
  it("accepts a radiologist on shift with an unexpired privilege when no subspecialty is needed", () => {
    expect(exclusionReason(candidate({ privilege: { expiresAt: hours(1) } }), { requiredSubspecialty: null }, at)).toBeNull();
  });

  it("excludes a radiologist without privilege, or whose privilege expired at or before the moment", () => {
    expect(exclusionReason(candidate({ privilege: null }), { requiredSubspecialty: null }, at)).toBe("NO_PRIVILEGE");
    expect(exclusionReason(candidate({ privilege: { expiresAt: at } }), { requiredSubspecialty: null }, at)).toBe("PRIVILEGE_EXPIRED");
    expect(exclusionReason(candidate({ privilege: { expiresAt: hours(-1) } }), { requiredSubspecialty: null }, at)).toBe("PRIVILEGE_EXPIRED");
  });

  it("treats a shift as [start, end): off shift before it starts and from the instant it ends", () => {
    expect(exclusionReason(candidate({ shiftStartsAt: hours(1) }), { requiredSubspecialty: null }, at)).toBe("OFF_SHIFT");
    expect(exclusionReason(candidate({ shiftEndsAt: at }), { requiredSubspecialty: null }, at)).toBe("OFF_SHIFT");
    expect(exclusionReason(candidate({ shiftStartsAt: at }), { requiredSubspecialty: null }, at)).toBeNull();
  });

  it("requires the exam's subspecialty among the shift's", () => {
    expect(exclusionReason(candidate({ subspecialties: ["MSK"] }), { requiredSubspecialty: "NEURO" }, at)).toBe("MISSING_SUBSPECIALTY");
    expect(exclusionReason(candidate({ subspecialties: ["MSK", "NEURO"] }), { requiredSubspecialty: "NEURO" }, at)).toBeNull();
  });

  it("keeps one entry per radiologist, preferring an eligible primary shift", () => {
    const merged = onePerRadiologist(
      [
        candidate({ shiftId: "backup", shiftRole: "BACKUP", subspecialties: ["NEURO"] }),
        candidate({ shiftId: "primary-msk", subspecialties: ["MSK"] }),
        candidate({ shiftId: "primary-neuro", subspecialties: ["NEURO"] }),
      ],
      { requiredSubspecialty: "NEURO" },
      at,
    );
    expect(merged.map((c) => c.shiftId)).toEqual(["primary-neuro"]);
  });
});
