import { describe, expect, it } from "vitest";
import type { Actor } from "./access";
import { REQUEST_STATUSES, ROLES, type RequestStatus, type Role } from "./enums";
import { canViewRequestImages, canViewUnlinkedStudy, requestImageAccess, type ImageAccess } from "./image-access";

const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  id: `${role.toLowerCase()}-1`,
  role,
  displayName: role,
  siteId: role === "REFERRER" || role === "RADIOGRAPHER" ? "s1" : null,
  readableSiteIds: role === "RADIOLOGIST" ? ["s1"] : [],
  ...over,
});

const request = (status: RequestStatus, holderId: string | null = null) => ({ siteId: "s1", holderId, status });
const refused = (reason: string): ImageAccess => ({ allowed: false, reason } as ImageAccess);
const SIGNED_OR_LATER = new Set<RequestStatus>(["SIGNED", "DELIVERED", "ACKNOWLEDGED"]);

describe("who views a request's images", () => {
  it.each(REQUEST_STATUSES)("lets the holding radiologist view them, and no other radiologist (status %s)", (status) => {
    const radiologist = actor("RADIOLOGIST");
    expect(requestImageAccess(radiologist, request(status, radiologist.id))).toEqual({ allowed: true });
    expect(requestImageAccess(radiologist, request(status, "someone-else"))).toEqual(refused("NOT_HOLDER"));
    expect(requestImageAccess(radiologist, request(status, null))).toEqual(refused("NOT_HOLDER"));
  });

  it.each(REQUEST_STATUSES)("lets any referrer of the site view them once the report is signed (status %s)", (status) => {
    const submitter = actor("REFERRER");
    const colleague = actor("REFERRER", { id: "referrer-2" });
    const expected = SIGNED_OR_LATER.has(status) ? { allowed: true } : refused("REPORT_NOT_SIGNED");
    expect(requestImageAccess(submitter, request(status))).toEqual(expected);
    expect(requestImageAccess(colleague, request(status))).toEqual(expected);
    expect(requestImageAccess(actor("REFERRER", { siteId: "s2" }), request(status))).toEqual(refused("NOT_SITE_STAFF"));
  });

  it.each(REQUEST_STATUSES)("lets the site's radiographers view them at any point (status %s)", (status) => {
    expect(requestImageAccess(actor("RADIOGRAPHER"), request(status))).toEqual({ allowed: true });
    expect(requestImageAccess(actor("RADIOGRAPHER", { siteId: "s2" }), request(status))).toEqual(refused("NOT_SITE_STAFF"));
  });

  it.each(REQUEST_STATUSES)("never opens them to the department head or an administrator (status %s)", (status) => {
    for (const role of ["DEPARTMENT_HEAD", "ADMIN"] as const) {
      const someone = actor(role);
      // Even a (corrupt) holder id equal to theirs gives them nothing.
      expect(requestImageAccess(someone, request(status, someone.id))).toEqual(refused("NO_PART_IN_CARE"));
    }
  });

  it("agrees with the boolean form for every role and status", () => {
    for (const role of ROLES) {
      for (const status of REQUEST_STATUSES) {
        const someone = actor(role);
        const target = request(status, someone.id);
        expect(canViewRequestImages(someone, target)).toBe(requestImageAccess(someone, target).allowed);
      }
    }
  });
});

describe("who views a site's unlinked studies", () => {
  it("is the site's radiographers only", () => {
    const study = { siteId: "s1" };
    expect(canViewUnlinkedStudy(actor("RADIOGRAPHER"), study)).toBe(true);
    expect(canViewUnlinkedStudy(actor("RADIOGRAPHER", { siteId: "s2" }), study)).toBe(false);
    for (const role of ["REFERRER", "RADIOLOGIST", "DEPARTMENT_HEAD", "ADMIN"] as const) {
      expect(canViewUnlinkedStudy(actor(role, { siteId: "s1" }), study)).toBe(false);
    }
  });
});
