import { describe, expect, it } from "vitest";
import { decideHandover } from "./handover";
import { escalationAudience, escalationSkip, nextEscalationLevel } from "./escalation-ladder";

const open = { status: "SUBMITTED" as const, holderId: null, holdAcknowledgedAt: null, escalationLevel: 0 };

describe("the escalation ladder", () => {
  it("tells backups at level 1, every reader of the site at level 2, and heads always; stops at 2", () => {
    expect(escalationAudience(1)).toEqual({ backupsOnCall: true, allSiteReaders: false, departmentHeads: true });
    expect(escalationAudience(2)).toEqual({ backupsOnCall: true, allSiteReaders: true, departmentHeads: true });
    expect(nextEscalationLevel(1)).toBe(2);
    expect(nextEscalationLevel(2)).toBeNull();
  });

  it("escalates an unheld or unacknowledged request, never a taken, closed or already escalated one", () => {
    expect(escalationSkip(open, 1)).toBeNull();
    expect(escalationSkip({ ...open, holderId: "r" }, 1)).toBeNull();
    expect(escalationSkip({ ...open, holderId: "r", holdAcknowledgedAt: new Date() }, 1)).toBe("TAKEN");
    expect(escalationSkip({ ...open, status: "SIGNED" }, 1)).toBe("CLOSED");
    expect(escalationSkip({ ...open, escalationLevel: 1 }, 1)).toBe("ALREADY_ESCALATED");
    expect(escalationSkip(open, 3)).toBe("INVALID_LEVEL");
  });
});

describe("the shift handover choice", () => {
  const at = new Date("2026-11-24T08:00:00Z");
  const shift = (id: string, startsH: number, endsH: number) => ({
    id,
    name: `Dr ${id}`,
    shiftId: `s-${id}-${startsH}`,
    shiftRole: "PRIMARY" as const,
    shiftStartsAt: new Date(at.getTime() + startsH * 3_600_000),
    shiftEndsAt: new Date(at.getTime() + endsH * 3_600_000),
    subspecialties: [],
    privilege: { expiresAt: null },
  });

  it("keeps the request with a radiologist whose next shift starts as this one ends", () => {
    expect(decideHandover({ leavingId: "a", onCall: [shift("a", 0, 12), shift("b", 0, 12)], request: { requiredSubspecialty: null }, at, loads: new Map() })).toEqual({ kind: "STAY" });
  });

  it("hands over to the next eligible radiologist on call, or returns to the pool", () => {
    expect(decideHandover({ leavingId: "a", onCall: [shift("b", 0, 12)], request: { requiredSubspecialty: null }, at, loads: new Map() })).toMatchObject({ kind: "HAND_OVER", toId: "b" });
    expect(decideHandover({ leavingId: "a", onCall: [], request: { requiredSubspecialty: null }, at, loads: new Map() })).toMatchObject({ kind: "RETURN_TO_POOL" });
  });
});
