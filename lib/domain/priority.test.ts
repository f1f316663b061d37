import { describe, expect, it } from "vitest";
import { compareWorklistOrder, priorityRank } from "./priority";

const at = (minutesAgo: number) => new Date(Date.UTC(2026, 10, 23, 12, 0) - minutesAgo * 60_000);

describe("worklist order", () => {
  it("ranks vital before urgent before routine", () => {
    expect(priorityRank("VITAL")).toBeLessThan(priorityRank("URGENT"));
    expect(priorityRank("URGENT")).toBeLessThan(priorityRank("ROUTINE"));
  });

  it("puts a fresh vital emergency above an old routine request", () => {
    const rows = [
      { id: "routine-old", priority: "ROUTINE" as const, submittedAt: at(600) },
      { id: "vital-new", priority: "VITAL" as const, submittedAt: at(1) },
      { id: "urgent", priority: "URGENT" as const, submittedAt: at(30) },
    ];
    expect(rows.sort(compareWorklistOrder).map((r) => r.id)).toEqual(["vital-new", "urgent", "routine-old"]);
  });

  it("orders equal priorities by waiting time, longest first", () => {
    const rows = [
      { id: "b", priority: "URGENT" as const, submittedAt: at(5) },
      { id: "a", priority: "URGENT" as const, submittedAt: at(50) },
    ];
    expect(rows.sort(compareWorklistOrder).map((r) => r.id)).toEqual(["a", "b"]);
  });
});
