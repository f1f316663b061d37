import { describe, expect, it } from "vitest";
import { sessionStatus, shouldTouch } from "./session-validity";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 8, 0) + minutes * 60_000);
const idle = 30 * 60_000;

describe("a server-side session", () => {
  it("is live until its absolute expiry, whatever the activity", () => {
    expect(sessionStatus({ lastSeenAt: at(719), expiresAt: at(720), revokedAt: null }, at(719.5), idle)).toBe("LIVE");
    expect(sessionStatus({ lastSeenAt: at(719), expiresAt: at(720), revokedAt: null }, at(720), idle)).toBe("EXPIRED");
  });

  it("ends after 30 minutes without a request", () => {
    expect(sessionStatus({ lastSeenAt: at(0), expiresAt: at(720), revokedAt: null }, at(29), idle)).toBe("LIVE");
    expect(sessionStatus({ lastSeenAt: at(0), expiresAt: at(720), revokedAt: null }, at(30), idle)).toBe("IDLE");
  });

  it("ends for good once revoked", () => {
    expect(sessionStatus({ lastSeenAt: at(0), expiresAt: at(720), revokedAt: at(1) }, at(2), idle)).toBe("REVOKED");
  });

  it("records activity at most once a minute", () => {
    expect(shouldTouch(at(0), at(0.5))).toBe(false);
    expect(shouldTouch(at(0), at(1))).toBe(true);
  });
});
