import { describe, expect, it } from "vitest";
import { afterFailure, NO_FAILURES, THROTTLE_RULES, throttleVerdict, type ThrottleState } from "./sign-in-throttle";

const rule = THROTTLE_RULES.ACCOUNT;
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 3, 0, 0) + seconds * 1000);

function failTimes(count: number, start = 0): ThrottleState {
  let state = NO_FAILURES;
  for (let i = 0; i < count; i++) state = afterFailure(state, rule, at(start + i));
  return state;
}

describe("sign-in throttling", () => {
  it("lets the first five wrong passwords through at once", () => {
    expect(throttleVerdict(failTimes(4), rule, at(4))).toEqual({ allowed: true });
  });

  it("makes each attempt after the fifth failure wait longer: 1 s, 2 s, 4 s…", () => {
    expect(throttleVerdict(failTimes(5), rule, at(4))).toEqual({ allowed: false, locked: false, retryAfterSeconds: 1 });
    expect(throttleVerdict(failTimes(5), rule, at(5))).toEqual({ allowed: true });
    expect(throttleVerdict(failTimes(7), rule, at(6))).toEqual({ allowed: false, locked: false, retryAfterSeconds: 4 });
  });

  it("locks for 15 minutes at the tenth failure, whatever comes meanwhile", () => {
    const locked = failTimes(10);
    expect(locked.lockedUntil).toEqual(at(9 + 15 * 60));
    expect(throttleVerdict(locked, rule, at(60))).toEqual({ allowed: false, locked: true, retryAfterSeconds: 15 * 60 - 51 });
    expect(throttleVerdict(locked, rule, at(9 + 15 * 60))).toEqual({ allowed: true });
  });

  it("forgets failures 15 minutes after the last one", () => {
    expect(afterFailure(failTimes(8), rule, at(7 + 15 * 60)).failures).toBe(1);
  });

  it("is looser per address than per account (a hospital signs in from behind one address)", () => {
    expect(THROTTLE_RULES.ADDRESS.freeFailures).toBeGreaterThan(THROTTLE_RULES.ACCOUNT.freeFailures);
    expect(THROTTLE_RULES.ADDRESS.lockAfter).toBeGreaterThan(THROTTLE_RULES.ACCOUNT.lockAfter);
  });
});
