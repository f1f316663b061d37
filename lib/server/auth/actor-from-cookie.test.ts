import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionCookie } from "./actor-from-cookie";

const secret = randomBytes(32).toString("base64url");
const cookieOf = async (token: Record<string, unknown>, maxAge = 3600, key = secret) =>
  `next-auth.session-token=${await encode({ token, secret: key, maxAge })}`;

afterEach(() => vi.useRealTimers());

describe("decodeSessionCookie", () => {
  it("names the user and the session, the second time from the token decoded before", async () => {
    const cookie = await cookieOf({ uid: "u1", sid: "s1" });
    expect(await decodeSessionCookie(cookie, secret)).toEqual({ userId: "u1", sessionId: "s1" });
    expect(await decodeSessionCookie(cookie, secret)).toEqual({ userId: "u1", sessionId: "s1" });
  });

  it("refuses a token once decoded under another secret, a tampered one and one without a user", async () => {
    const cookie = await cookieOf({ uid: "u2", sid: "s2" });
    expect(await decodeSessionCookie(cookie, secret)).not.toBeNull();
    expect(await decodeSessionCookie(cookie, randomBytes(32).toString("base64url"))).toBeNull();
    expect(await decodeSessionCookie(`${cookie.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await decodeSessionCookie(await cookieOf({ sid: "s3" }), secret)).toBeNull();
    expect(await decodeSessionCookie(undefined, secret)).toBeNull();
  });

  it("stops answering from what it remembers when the token expires", async () => {
    const cookie = await cookieOf({ uid: "u4", sid: "s4" }, 60);
    expect(await decodeSessionCookie(cookie, secret)).toEqual({ userId: "u4", sessionId: "s4" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 120_000);
    expect(await decodeSessionCookie(cookie, secret)).toBeNull();
  });
});
