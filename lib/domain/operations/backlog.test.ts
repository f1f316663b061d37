import { describe, expect, it } from "vitest";
import { summariseBacklog, type BacklogGroup } from "./backlog";

const group = (overrides: Partial<BacklogGroup>): BacklogGroup => ({ status: "SUBMITTED", priority: "URGENT", bucket: "UNDER_15M", total: 1, unassigned: 0, escalated: 0, atRisk: 0, late: 0, ...overrides });

describe("the state x age matrix and the counters", () => {
  it("has a row for every open status, in workflow order, and zero counters when nothing is open", () => {
    const { backlog, counters } = summariseBacklog([]);
    expect(backlog.rows.map((row) => row.status)).toEqual(["SUBMITTED", "INFO_REQUESTED", "INDICATION_ACCEPTED", "INDICATION_MODIFIED", "PROTOCOL_SENT", "IMAGES_ARRIVING", "IMAGES_COMPLETE", "IN_READING"]);
    expect(backlog.rows.every((row) => row.total === 0)).toBe(true);
    expect(backlog.total).toBe(0);
    expect(counters).toEqual({ open: 0, atRisk: 0, late: 0, unassigned: 0, escalated: 0 });
  });

  it("adds the groups into cells, age and priority totals, and the counters", () => {
    const { backlog, counters } = summariseBacklog([
      group({ status: "SUBMITTED", priority: "VITAL", bucket: "UNDER_15M", total: 2, unassigned: 2 }),
      group({ status: "SUBMITTED", priority: "URGENT", bucket: "UNDER_15M", total: 1, unassigned: 1 }),
      group({ status: "SUBMITTED", priority: "VITAL", bucket: "UNDER_1H", total: 1, atRisk: 1, escalated: 1 }),
      group({ status: "IN_READING", priority: "ROUTINE", bucket: "OVER_24H", total: 3, atRisk: 2, late: 1 }),
    ]);
    const submitted = backlog.rows.find((row) => row.status === "SUBMITTED");
    expect(submitted).toEqual({ status: "SUBMITTED", byAge: { UNDER_15M: 3, UNDER_1H: 1, UNDER_4H: 0, UNDER_24H: 0, OVER_24H: 0 }, byPriority: { VITAL: 3, URGENT: 1, ROUTINE: 0 }, total: 4 });
    expect(backlog.rows.find((row) => row.status === "IN_READING")?.byAge.OVER_24H).toBe(3);
    expect(backlog.byAge).toEqual({ UNDER_15M: 3, UNDER_1H: 1, UNDER_4H: 0, UNDER_24H: 0, OVER_24H: 3 });
    expect(backlog.byPriority).toEqual({ VITAL: 3, URGENT: 1, ROUTINE: 3 });
    expect(backlog.total).toBe(7);
    expect(counters).toEqual({ open: 7, atRisk: 3, late: 1, unassigned: 3, escalated: 1 });
  });

  it("ignores a group of a closed status", () => {
    expect(summariseBacklog([group({ status: "SIGNED", total: 5 })]).counters.open).toBe(0);
  });
});
