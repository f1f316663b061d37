import { describe, expect, it } from "vitest";
import { expiryNotice, nextCheckInMs, safeCallbackPath, sessionExpiry } from "./session-expiry";

const MIN = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8, 0) + minutes * MIN);

describe("session expiry", () => {
  it("ends at the idle deadline when it comes first, and says that staying puts it off", () => {
    const expiry = sessionExpiry({ lastSeenAt: at(0), expiresAt: at(600) }, 30 * MIN, at(29));
    expect(expiry).toEqual({ endsAt: at(30).toISOString(), cause: "IDLE", serverNow: at(29).toISOString() });
    expect(expiryNotice(expiry, 0, 0)).toEqual({ kind: "WARNING", minutesLeft: 1, secondsLeft: 60, canRenew: true });
  });

  it("ends at the absolute end when it comes first, which staying cannot put off", () => {
    const expiry = sessionExpiry({ lastSeenAt: at(715), expiresAt: at(720) }, 30 * MIN, at(718.5));
    expect(expiry.cause).toBe("ABSOLUTE");
    expect(expiryNotice(expiry, 0, 0)).toMatchObject({ kind: "WARNING", minutesLeft: 2, canRenew: false });
  });

  it("counts on the browser's clock from the answer, whatever the browser's clock says", () => {
    const expiry = sessionExpiry({ lastSeenAt: at(0), expiresAt: at(600) }, 30 * MIN, at(20));
    const received = 5_000_000; // a browser clock hours off
    expect(expiryNotice(expiry, received, received).kind).toBe("NONE");
    expect(expiryNotice(expiry, received, received + 8.5 * MIN)).toMatchObject({ kind: "WARNING", minutesLeft: 2 });
    expect(expiryNotice(expiry, received, received + 10 * MIN)).toEqual({ kind: "EXPIRED" });
  });

  it("asks again before the warning is due, and often within it", () => {
    const expiry = sessionExpiry({ lastSeenAt: at(0), expiresAt: at(600) }, 30 * MIN, at(0));
    expect(nextCheckInMs(expiry, 0, 0)).toBe(60_000);
    expect(nextCheckInMs(expiry, 0, 27.5 * MIN)).toBe(30_000);
    expect(nextCheckInMs(expiry, 0, 29 * MIN)).toBe(15_000);
  });
});

describe("callback path after sign-in", () => {
  it("keeps a path of this site and refuses anything that leaves it", () => {
    expect(safeCallbackPath("/requests/new")).toBe("/requests/new");
    expect(safeCallbackPath("/requests/new?type=x")).toBe("/requests/new?type=x");
    expect(safeCallbackPath("//evil.example/x")).toBe("/");
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath("https://evil.example")).toBe("/");
    expect(safeCallbackPath("/a\r\nSet-Cookie: x")).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });
});
