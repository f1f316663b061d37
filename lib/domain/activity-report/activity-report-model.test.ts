import { describe, expect, it } from "vitest";
import type { BreakdownGroup, DashboardView, SegmentFigures } from "../dashboard/dashboard-view";
import { SEGMENTS, type Segment } from "../dashboard/segments";
import { assembleActivityReport, decisionRows, NO_REASON, type DecisionEvent } from "./activity-report-model";

function figures(segment: Segment, overrides: Partial<SegmentFigures> = {}): SegmentFigures {
  return { segment, count: 0, open: 0, median: null, p90: null, within: 0, judged: 0, share: null, ...overrides };
}

function view(dimension: "priority" | "type" | "modality", groups: Partial<BreakdownGroup>[], overrides: Partial<DashboardView> = {}): DashboardView {
  return {
    period: { from: "2026-10-01", to: "2026-10-31" },
    computedAt: "2026-11-24T10:00:00.000Z",
    totals: { submitted: 7, open: 1, signed: 3, cancelled: 1, refused: 2 },
    summary: [figures("SUBMITTED_TO_SIGNED", { count: 3, median: 6000, p90: 7200, within: 3, judged: 3, share: 1 })],
    targets: [
      { priority: "URGENT", segment: "SUBMITTED_TO_SIGNED", targetS: 10_800 },
      { priority: "URGENT", segment: "COMPLETE_TO_SIGNED", targetS: 3600 },
    ],
    breakdown: { dimension, groups: groups.map((group) => ({ key: "", label: "", submitted: 0, figures: [], ...group })) },
    distributions: [],
    trend: { segment: "SUBMITTED_TO_SIGNED", grain: "day", points: [] },
    heatmap: { cells: [] },
    waterfall: null,
    ...overrides,
  };
}

const event = (overrides: Partial<DecisionEvent>): DecisionEvent => ({
  at: new Date("2026-10-07T08:30:00Z"),
  accessionNumber: "TR00000001",
  siteCode: "MTC",
  type: "TELEDIAGNOSTIC",
  priority: "ROUTINE",
  modality: "CR",
  reason: "Radiographie suffisante",
  ...overrides,
});

function report(refusals: DecisionEvent[] = [], cancellations: DecisionEvent[] = []) {
  return assembleActivityReport({
    month: "2026-10",
    period: { from: "2026-10-01", to: "2026-10-31" },
    provisional: false,
    scope: { kind: "site", code: "MTC", name: "CH de Montceau" },
    views: {
      byPriority: view("priority", [
        { key: "URGENT", submitted: 4, figures: [figures("SUBMITTED_TO_SIGNED", { count: 3, median: 6000, p90: 7200, share: 1 })] },
        { key: "ROUTINE", submitted: 2 },
        { key: "VITAL", submitted: 1 },
      ]),
      byType: view("type", [{ key: "TELEDIAGNOSTIC", submitted: 6 }, { key: "TELEEXPERTISE", submitted: 1 }]),
      byModality: view("modality", [{ key: "US", submitted: 1 }, { key: "CT", submitted: 4 }, { key: "MR", submitted: 2 }]),
      // Each priority alone: its summary has every segment.
      perPriority: {
        VITAL: view("priority", [], { totals: { submitted: 1, open: 1, signed: 0, cancelled: 0, refused: 0 }, summary: [] }),
        URGENT: view("priority", [], {
          totals: { submitted: 4, open: 0, signed: 3, cancelled: 1, refused: 0 },
          summary: [figures("SUBMITTED_TO_SIGNED", { count: 3, median: 6000, p90: 7200, share: 1 })],
        }),
        ROUTINE: view("priority", [], { totals: { submitted: 2, open: 0, signed: 0, cancelled: 0, refused: 2 }, summary: [] }),
      },
    },
    refusals,
    cancellations,
  });
}

describe("the activity report's volumes", () => {
  it("takes the totals of the month and every type and priority, zero included, in the catalogue's order", () => {
    const { volumes } = report();
    expect(volumes).toMatchObject({ submitted: 7, signed: 3, cancelled: 1, refused: 2, open: 1 });
    expect(volumes.byType).toEqual([
      { key: "TELEDIAGNOSTIC", count: 6 },
      { key: "TELEEXPERTISE", count: 1 },
    ]);
    expect(volumes.byPriority).toEqual([
      { key: "VITAL", count: 1 },
      { key: "URGENT", count: 4 },
      { key: "ROUTINE", count: 2 },
    ]);
  });

  it("lists only the modalities the month saw, in the catalogue's order", () => {
    expect(report().volumes.byModality).toEqual([
      { key: "CT", count: 4 },
      { key: "MR", count: 2 },
      { key: "US", count: 1 },
    ]);
  });
});

describe("the activity report's turnaround tables", () => {
  it("has an all-priorities table then one per priority, each with the six segments", () => {
    const { turnaround } = report();
    expect(turnaround.map((table) => table.priority)).toEqual([null, "VITAL", "URGENT", "ROUTINE"]);
    for (const table of turnaround) expect(table.rows.map((row) => row.segment)).toEqual([...SEGMENTS]);
  });

  it("carries the figures and the priority's target, and empty figures where nothing went through", () => {
    const urgent = report().turnaround.find((table) => table.priority === "URGENT")!;
    expect(urgent.submitted).toBe(4);
    expect(urgent.rows.find((row) => row.segment === "SUBMITTED_TO_SIGNED")).toEqual({
      segment: "SUBMITTED_TO_SIGNED",
      count: 3,
      open: 0,
      median: 6000,
      p90: 7200,
      share: 1,
      targetS: 10_800,
    });
    expect(urgent.rows.find((row) => row.segment === "CLAIMED_TO_SIGNED")).toMatchObject({ count: 0, median: null, share: null, targetS: null });
    const vital = report().turnaround.find((table) => table.priority === "VITAL")!;
    expect(vital.rows.every((row) => row.count === 0 && row.median === null)).toBe(true);
  });

  it("gives the all-priorities table no single target (each priority has its own)", () => {
    const overall = report().turnaround[0]!;
    expect(overall.submitted).toBe(7);
    expect(overall.rows.find((row) => row.segment === "SUBMITTED_TO_SIGNED")).toMatchObject({ count: 3, median: 6000, targetS: null });
  });
});

describe("the refusal and cancellation lists", () => {
  it("are in time order with Paris dates, ties broken by accession number", () => {
    const rows = decisionRows([
      event({ accessionNumber: "TR00000009", at: new Date("2026-10-20T09:00:00Z") }),
      event({ accessionNumber: "TR00000003", at: new Date("2026-10-20T09:00:00Z") }),
      // 23:30 UTC on 6 October is already the 7th in Paris (UTC+2).
      event({ accessionNumber: "TR00000005", at: new Date("2026-10-06T23:30:00Z") }),
    ]);
    expect(rows.map((row) => [row.date, row.accessionNumber])).toEqual([
      ["07/10/2026 01:30", "TR00000005"],
      ["20/10/2026 11:00", "TR00000003"],
      ["20/10/2026 11:00", "TR00000009"],
    ]);
  });

  it("keep the reason, trimmed, and say so when there is none", () => {
    const rows = decisionRows([event({ reason: "  Examen non indiqué  " }), event({ accessionNumber: "TR2", reason: null }), event({ accessionNumber: "TR3", reason: "  " })]);
    expect(rows.map((row) => row.reason)).toEqual(["Examen non indiqué", NO_REASON, NO_REASON]);
  });

  it("are carried into the report", () => {
    const assembled = report([event({ reason: "Radiographie suffisante" })], [event({ reason: "Demande en double", modality: "US" })]);
    expect(assembled.refusals).toEqual([
      { date: "07/10/2026 10:30", accessionNumber: "TR00000001", siteCode: "MTC", type: "TELEDIAGNOSTIC", priority: "ROUTINE", modality: "CR", reason: "Radiographie suffisante" },
    ]);
    expect(assembled.cancellations[0]).toMatchObject({ modality: "US", reason: "Demande en double" });
  });
});
