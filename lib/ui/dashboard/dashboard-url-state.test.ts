import { describe, expect, it } from "vitest";
import { dashboardSearch, parseDashboardSearch, toSearchParams } from "./dashboard-url-state";

const TODAY = "2026-03-31";
const SITE_A = "0b7a3f5e-1111-4c2d-9e8f-000000000001";
const SITE_B = "0b7a3f5e-1111-4c2d-9e8f-000000000002";

describe("dashboard URL state", () => {
  it("defaults to the last 30 days ending today, by priority, submitted -> signed", () => {
    const query = parseDashboardSearch(new URLSearchParams(""), TODAY);
    expect(query).toEqual({
      filter: { from: "2026-03-02", to: TODAY, siteIds: [], priorities: [], types: [], modalities: [], radiologistIds: [] },
      breakdown: "priority",
      segment: "SUBMITTED_TO_SIGNED",
    });
    expect(dashboardSearch(query, TODAY)).toBe("");
  });

  it("round-trips a shared view", () => {
    const search = `from=2026-01-01&to=2026-01-31&site=${SITE_A},${SITE_B}&priority=VITAL,URGENT&modality=CT&breakdown=site&segment=COMPLETE_TO_SIGNED`;
    const query = parseDashboardSearch(new URLSearchParams(search), TODAY);
    expect(query.filter).toMatchObject({ from: "2026-01-01", to: "2026-01-31", siteIds: [SITE_A, SITE_B], priorities: ["VITAL", "URGENT"], modalities: ["CT"] });
    expect(query.breakdown).toBe("site");
    expect(query.segment).toBe("COMPLETE_TO_SIGNED");
    expect(parseDashboardSearch(new URLSearchParams(dashboardSearch(query, TODAY)), TODAY)).toEqual(query);
  });

  it("drops what a hand-edited link gets wrong instead of failing", () => {
    const query = parseDashboardSearch(new URLSearchParams("from=2026-02-30&priority=VITAL,NOPE&site=not-an-id&breakdown=colour&segment=X"), TODAY);
    expect(query.filter.from).toBe("2026-03-02");
    expect(query.filter.priorities).toEqual(["VITAL"]);
    expect(query.filter.siteIds).toEqual([]);
    expect(query.breakdown).toBe("priority");
    expect(query.segment).toBe("SUBMITTED_TO_SIGNED");
  });

  it("asks the same query whatever the order of the choices", () => {
    const a = parseDashboardSearch(new URLSearchParams(`priority=URGENT,VITAL&site=${SITE_B},${SITE_A}`), TODAY);
    const b = parseDashboardSearch(toSearchParams({ priority: ["VITAL", "URGENT"], site: [SITE_A, SITE_B] }), TODAY);
    expect(a).toEqual(b);
  });
});
