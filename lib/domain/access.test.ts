import { describe, expect, it } from "vitest";
import { canClaimFor, canSeeSite, canSubmit, requestScope, type Actor } from "./access";

const actor = (over: Partial<Actor>): Actor => ({
  id: "u",
  role: "REFERRER",
  displayName: "X",
  siteId: null,
  readableSiteIds: [],
  ...over,
});

describe("access rules", () => {
  it("limits a referrer to their own site", () => {
    const referrer = actor({ role: "REFERRER", siteId: "s1" });
    expect(requestScope(referrer)).toEqual({ kind: "sites", siteIds: ["s1"] });
    expect(canSeeSite(referrer, "s2")).toBe(false);
    expect(canSubmit(referrer)).toBe(true);
  });

  it("limits a radiologist to the sites of their privileges", () => {
    const radiologist = actor({ role: "RADIOLOGIST", siteId: "hub", readableSiteIds: ["s1", "s2"] });
    expect(canSeeSite(radiologist, "s2")).toBe(true);
    expect(canSeeSite(radiologist, "hub")).toBe(false);
    expect(canClaimFor(radiologist, "s1")).toBe(true);
    expect(canClaimFor(radiologist, "s3")).toBe(false);
    expect(canSubmit(radiologist)).toBe(false);
  });

  it("shows the whole territory to the department head but lets only radiologists claim", () => {
    const head = actor({ role: "DEPARTMENT_HEAD", readableSiteIds: [] });
    expect(canSeeSite(head, "any")).toBe(true);
    expect(canClaimFor(head, "any")).toBe(false);
  });

  it("shows no patient data to administrators", () => {
    expect(canSeeSite(actor({ role: "ADMIN" }), "s1")).toBe(false);
  });
});
