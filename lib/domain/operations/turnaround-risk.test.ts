import { describe, expect, it } from "vitest";
import { atRiskAfterMs, becomesAtRiskAt, becomesLateAt, riskCutoffs, turnaroundStanding } from "./turnaround-risk";

const now = new Date("2026-11-24T10:00:00.000Z");
const minutesAgo = (minutes: number, extraMs = 0) => new Date(now.getTime() - minutes * 60_000 - extraMs);

describe("turnaround standing of an open request", () => {
  // A vital request: 1 h from submission to signature, at risk from 45 min.
  const VITAL_S = 3600;

  it("is fine before 75 % of the target, with the time left", () => {
    expect(turnaroundStanding(minutesAgo(44, 59_999), VITAL_S, now)).toEqual({ deadline: new Date(minutesAgo(44, 59_999).getTime() + 3_600_000), remainingMs: 15 * 60_000 + 1, atRisk: false, late: false });
  });

  it("is at risk from exactly 75 % of the target", () => {
    expect(turnaroundStanding(minutesAgo(45), VITAL_S, now)).toMatchObject({ remainingMs: 15 * 60_000, atRisk: true, late: false });
  });

  it("is at risk, not late, at exactly the target (within target means at or below it)", () => {
    expect(turnaroundStanding(minutesAgo(60), VITAL_S, now)).toMatchObject({ deadline: now, remainingMs: 0, atRisk: true, late: false });
  });

  it("is late one millisecond past the target, with a negative remaining time", () => {
    expect(turnaroundStanding(minutesAgo(60, 1), VITAL_S, now)).toMatchObject({ remainingMs: -1, atRisk: true, late: true });
    expect(turnaroundStanding(minutesAgo(90), VITAL_S, now)).toMatchObject({ remainingMs: -30 * 60_000, atRisk: true, late: true });
  });

  it("scales with the target: a routine request of 48 h is at risk from 36 h", () => {
    expect(atRiskAfterMs(172_800)).toBe(36 * 3_600_000);
    expect(turnaroundStanding(minutesAgo(36 * 60 - 1), 172_800, now).atRisk).toBe(false);
    expect(turnaroundStanding(minutesAgo(36 * 60), 172_800, now).atRisk).toBe(true);
  });

  it("rounds a fractional threshold up, never flagging early: a 10 s target is at risk from 7.5 s", () => {
    expect(atRiskAfterMs(10)).toBe(7500);
    expect(atRiskAfterMs(1)).toBe(750);
  });
});

describe("the same rule as submission cutoffs (for the query)", () => {
  it("agrees with the standing of a request at every bound", () => {
    const targetS = 10_800;
    const { atRiskFrom, lateBefore } = riskCutoffs(targetS, now);
    expect(atRiskFrom).toEqual(minutesAgo(135));
    expect(lateBefore).toEqual(minutesAgo(180));
    for (const submittedAt of [minutesAgo(135, -1), minutesAgo(135), minutesAgo(180), minutesAgo(180, 1), minutesAgo(10), minutesAgo(500)]) {
      const standing = turnaroundStanding(submittedAt, targetS, now);
      expect(submittedAt.getTime() <= atRiskFrom.getTime()).toBe(standing.atRisk);
      expect(submittedAt.getTime() < lateBefore.getTime()).toBe(standing.late);
    }
  });

  it("tells when a request will cross into the list and become late", () => {
    const submittedAt = minutesAgo(10);
    expect(becomesAtRiskAt(submittedAt, 3600)).toEqual(new Date(submittedAt.getTime() + 45 * 60_000));
    const lateAt = becomesLateAt(submittedAt, 3600);
    expect(turnaroundStanding(submittedAt, 3600, new Date(lateAt.getTime() - 1)).late).toBe(false);
    expect(turnaroundStanding(submittedAt, 3600, lateAt).late).toBe(true);
  });
});
