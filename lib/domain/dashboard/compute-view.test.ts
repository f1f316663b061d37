import { describe, expect, it } from "vitest";
import { completeView } from "./complete-view";
import { computeView } from "./compute-view";
import { dashboardQuerySchema, drillDownSchema } from "./dashboard-schemas";
import { selectDrillRows } from "./drill-select";
import { DEFAULT_TURNAROUND_TARGETS, type Segment } from "./segments";
import { OUTCOMES, TurnaroundColumns } from "./turnaround-columns";
import { hourOccurrences } from "./coverage-by-hour";

// Five requests of Monday 2 March 2026 (Paris, UTC+1), figures computed by hand below.
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0) / 1000; // 10:00 in Paris
const M = 60;
const NOW = T0 + 300 * M;
const SITE_A = "00000000-0000-4000-8000-00000000000a";
const SITE_B = "00000000-0000-4000-8000-00000000000b";
const R1 = "00000000-0000-4000-8000-000000000001";
const R2 = "00000000-0000-4000-8000-000000000002";

function fixture(): TurnaroundColumns {
  const columns = new TurnaroundColumns();
  const at = (minutes: number | null, from: number) => (minutes === null ? 0 : from + minutes * M);
  const add = (ordinal: number, row: { site: string; radiologist: string | null; priority: number; type: number; submitted: number; outcome?: number; decided?: number | null; complete?: number | null; claimed?: number | null; signed?: number | null; acknowledged?: number | null; cancelled?: number | null }) =>
    columns.set({
      ordinal,
      siteId: row.site,
      radiologistId: row.radiologist,
      priority: row.priority,
      type: row.type,
      modality: 0,
      outcome: row.outcome ?? 0,
      submitted: row.submitted,
      decided: at(row.decided ?? null, row.submitted),
      complete: at(row.complete ?? null, row.submitted),
      claimed: at(row.claimed ?? null, row.submitted),
      signed: at(row.signed ?? null, row.submitted),
      acknowledged: at(row.acknowledged ?? null, row.submitted),
      cancelled: at(row.cancelled ?? null, row.submitted),
    });
  const accepted = OUTCOMES.indexOf("INDICATION_ACCEPTED");
  // 1. Vital télédiagnostic, read in 45 min and acknowledged.
  add(1, { site: SITE_A, radiologist: R1, priority: 0, type: 0, submitted: T0, outcome: accepted, decided: 5, complete: 20, claimed: 25, signed: 45, acknowledged: 50 });
  // 2. Urgent télédiagnostic, signed at 100 min, not acknowledged yet.
  add(2, { site: SITE_B, radiologist: R2, priority: 1, type: 0, submitted: T0 + 60 * M, outcome: accepted, decided: 10, complete: 40, claimed: 50, signed: 100 });
  // 3. Routine téléexpertise (images at submission), claimed after 30 min, still being read.
  add(3, { site: SITE_A, radiologist: null, priority: 2, type: 1, submitted: T0 + 120 * M, complete: 0, claimed: 30 });
  // 4. Urgent télédiagnostic cancelled before any decision.
  add(4, { site: SITE_A, radiologist: null, priority: 1, type: 0, submitted: T0 + 180 * M, cancelled: 10 });
  // 5. Vital télédiagnostic whose indication was refused after 3 min.
  add(5, { site: SITE_B, radiologist: null, priority: 0, type: 0, submitted: T0 + 240 * M, outcome: OUTCOMES.indexOf("INDICATION_REFUSED"), decided: 3 });
  return columns;
}

const query = (overrides: Record<string, unknown> = {}) =>
  dashboardQuerySchema.parse({ filter: { from: "2026-03-02", to: "2026-03-02" }, breakdown: "site", ...overrides });

function view(overrides: Record<string, unknown> = {}) {
  const computed = computeView({
    columns: fixture(),
    query: query(overrides),
    targets: DEFAULT_TURNAROUND_TARGETS,
    now: NOW,
    occurrences: hourOccurrences(Date.UTC(2026, 2, 1, 23) / 1000, Date.UTC(2026, 2, 2, 23) / 1000),
  });
  return completeView(computed, {
    onCall: new Array<number>(168).fill(1),
    labels: new Map([
      [SITE_B, "B · Site B"],
      [SITE_A, "A · Site A"],
    ]),
  });
}

const figures = (segment: Segment) => view().summary.find((row) => row.segment === segment)!;

describe("dashboard figures from a hand-computed timeline", () => {
  it("counts the requests of the period by outcome", () => {
    expect(view().totals).toEqual({ submitted: 5, open: 1, signed: 2, cancelled: 1, refused: 1 });
  });

  it("submitted -> signed: two signed, the téléexpertise still open and not yet late", () => {
    expect(figures("SUBMITTED_TO_SIGNED")).toEqual({ segment: "SUBMITTED_TO_SIGNED", count: 2, open: 1, median: 45 * M, p90: 100 * M, within: 2, judged: 2, share: 1 });
  });

  it("the indication decision is the télédiagnostic's only, and a refusal is a decision", () => {
    expect(figures("SUBMITTED_TO_DECIDED")).toMatchObject({ count: 3, open: 0, median: 5 * M, p90: 10 * M, within: 3, judged: 3 });
  });

  it("claimed -> signed: the urgent one overran its 40 min, the open one is not judged yet", () => {
    expect(figures("CLAIMED_TO_SIGNED")).toMatchObject({ count: 2, open: 1, median: 20 * M, p90: 50 * M, within: 1, judged: 2, share: 0.5 });
  });

  it("signed -> acknowledged: an unacknowledged report past its hour counts as missed", () => {
    expect(figures("SIGNED_TO_ACKNOWLEDGED")).toMatchObject({ count: 1, open: 1, median: 5 * M, within: 1, judged: 2, share: 0.5 });
  });

  it("breaks down by site with the sites' labels", () => {
    const groups = view().breakdown.groups;
    expect(groups.map((group) => [group.label, group.submitted])).toEqual([
      ["A · Site A", 3],
      ["B · Site B", 2],
    ]);
  });

  it("narrows to the filtered priorities", () => {
    const urgent = view({ filter: { from: "2026-03-02", to: "2026-03-02", priorities: ["URGENT"] } });
    expect(urgent.totals.submitted).toBe(2);
    expect(urgent.summary.find((row) => row.segment === "SUBMITTED_TO_SIGNED")).toMatchObject({ count: 1, median: 100 * M });
    expect(urgent.targets.every((target) => target.priority === "URGENT")).toBe(true);
  });

  it("has nothing outside the period", () => {
    const empty = view({ filter: { from: "2026-03-03", to: "2026-03-09" } });
    expect(empty.totals.submitted).toBe(0);
    expect(empty.summary.every((row) => row.count === 0 && row.median === null && row.share === null)).toBe(true);
    expect(empty.waterfall).toBeNull();
  });

  it("puts arrivals in their local hour of the week", () => {
    const cells = view().heatmap.cells;
    expect(cells.find((cell) => cell.weekday === 0 && cell.hour === 10)).toMatchObject({ arrivals: 1, arrivalsPerHour: 1, onCall: 1 });
    expect(cells.reduce((sum, cell) => sum + cell.arrivals, 0)).toBe(5);
  });

  it("shows the trend of the focused segment per day and priority", () => {
    const trend = view().trend;
    expect(trend.grain).toBe("day");
    expect(trend.points).toEqual([
      { start: "2026-03-02", priority: "VITAL", count: 1, median: 45 * M, p90: 45 * M, share: 1 },
      { start: "2026-03-02", priority: "URGENT", count: 1, median: 100 * M, p90: 100 * M, share: 1 },
      { start: "2026-03-02", priority: "ROUTINE", count: 0, median: null, p90: null, share: null },
    ]);
  });

  it("splits the minutes of the median requests into steps that add up", () => {
    expect(view().waterfall).toEqual({
      medianTotalS: 45 * M,
      sample: 2,
      totalMeanS: 72.5 * M,
      steps: [
        { from: "submitted", to: "decided", meanS: 7.5 * M },
        { from: "decided", to: "complete", meanS: 22.5 * M },
        { from: "complete", to: "claimed", meanS: 7.5 * M },
        { from: "claimed", to: "signed", meanS: 35 * M },
      ],
    });
  });
});

describe("drill-down", () => {
  const drill = (input: Record<string, unknown>) => {
    const parsed = drillDownSchema.parse({ filter: { from: "2026-03-02", to: "2026-03-02" }, ...input });
    return selectDrillRows(fixture(), parsed, DEFAULT_TURNAROUND_TARGETS, NOW, parsed);
  };

  it("lists the requests behind a missed figure, with their duration and target", () => {
    expect(drill({ segment: "CLAIMED_TO_SIGNED", outcome: "missed" })).toEqual({
      total: 1,
      hits: [{ ordinal: 2, durationS: 50 * M, open: false, targetS: 2400, within: false }],
    });
  });

  it("lists the requests a count is made of: those that went through the segment", () => {
    const completed = drill({ segment: "CLAIMED_TO_SIGNED", outcome: "completed" });
    expect(completed.total).toBe(view().summary.find((row) => row.segment === "CLAIMED_TO_SIGNED")!.count);
    expect(completed.hits.map((hit) => hit.ordinal)).toEqual([2, 1]);
  });

  it("lists open requests with the time elapsed so far", () => {
    expect(drill({ segment: "CLAIMED_TO_SIGNED", outcome: "open" }).hits).toEqual([{ ordinal: 3, durationS: 150 * M, open: true, targetS: 43_200, within: null }]);
  });

  it("narrows by group, cell and duration range, most recent first", () => {
    expect(drill({ group: { dimension: "site", key: SITE_B } }).hits.map((hit) => hit.ordinal)).toEqual([5, 2]);
    expect(drill({ cell: { weekday: 0, hour: 10 } }).hits.map((hit) => hit.ordinal)).toEqual([1]);
    expect(drill({ segment: "SUBMITTED_TO_SIGNED", durationRange: { fromS: 3600, toS: 7200 } }).hits.map((hit) => hit.ordinal)).toEqual([2]);
    expect(drill({ group: { dimension: "site", key: "00000000-0000-4000-8000-0000000000ff" } })).toEqual({ total: 0, hits: [] });
  });

  it("orders by submission, most recent first, whatever order the rows were written in", () => {
    const columns = fixture();
    // A request submitted before all the others, written last (a history imported later).
    columns.set({ ordinal: 9, siteId: SITE_A, radiologistId: null, priority: 0, type: 0, modality: 0, outcome: 0, submitted: T0 - 60 * M, decided: 0, complete: 0, claimed: 0, signed: 0, acknowledged: 0, cancelled: 0 });
    const parsed = drillDownSchema.parse({ filter: { from: "2026-03-02", to: "2026-03-02" } });
    expect(selectDrillRows(columns, parsed, DEFAULT_TURNAROUND_TARGETS, NOW, parsed).hits.map((hit) => hit.ordinal)).toEqual([5, 4, 3, 2, 1, 9]);
  });

  it("pages with offset and limit and keeps the total", () => {
    const page = drill({ offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.hits.map((hit) => hit.ordinal)).toEqual([4, 3]);
  });
});
