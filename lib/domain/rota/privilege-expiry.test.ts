import { describe, expect, it } from "vitest";
import { setPrivilegeSchema } from "./settings-schemas";
import { isExpiryPast } from "./privilege-expiry";

describe("privilege expiry", () => {
  const now = new Date("2026-12-07T09:00:00Z"); // 10:00 in Paris

  it("counts yesterday and today (stopped at 00:00 Paris) as past, tomorrow as future", () => {
    expect(isExpiryPast("2026-12-06", now)).toBe(true);
    expect(isExpiryPast("2026-12-07", now)).toBe(true);
    expect(isExpiryPast("2026-12-08", now)).toBe(false);
    // 23:30 UTC on the 7th is already the 8th in Paris: the 8th is then past.
    expect(isExpiryPast("2026-12-08", new Date("2026-12-07T23:30:00Z"))).toBe(true);
  });

  it("the procedure's schema refuses an expiry in the past with its own message and accepts none or a future one", () => {
    const key = { userId: "0b6b9c3e-2f7b-4c55-9a51-3f0e7f3b2a10", siteId: "6f1c1d0a-8f43-4a7c-9d36-0b6f5c1e2d3a" };
    const past = setPrivilegeSchema.safeParse({ ...key, expiresOn: "2020-01-01" });
    expect(past.success).toBe(false);
    expect(past.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["expiresOn", "validation.expiryInPast"]]);
    expect(setPrivilegeSchema.safeParse({ ...key, expiresOn: null }).success).toBe(true);
    expect(setPrivilegeSchema.safeParse({ ...key, expiresOn: "2999-01-01" }).success).toBe(true);
  });
});
