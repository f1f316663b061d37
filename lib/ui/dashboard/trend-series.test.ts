import { describe, expect, it } from "vitest";
import type { TrendPoint } from "@/lib/domain/dashboard/dashboard-view";
import { createTranslator } from "@/lib/i18n/translate";
import { formatBucket, formatDay } from "./format-date";
import { bucketStarts, trendSeries } from "./trend-series";

const point = (start: string, priority: TrendPoint["priority"], median: number | null, p90: number | null = median): TrendPoint => ({
  start,
  priority,
  count: median === null ? 0 : 3,
  median,
  p90,
  share: null,
});

describe("trendSeries", () => {
  const view = {
    period: { from: "2026-11-01", to: "2026-11-05" },
    targets: [{ priority: "VITAL" as const, segment: "SUBMITTED_TO_SIGNED" as const, targetS: 3600 }],
    trend: {
      segment: "SUBMITTED_TO_SIGNED" as const,
      grain: "day" as const,
      points: [point("2026-11-02", "ROUTINE", 30_000, 90_000), point("2026-11-01", "VITAL", 600), point("2026-11-04", "VITAL", 900, 1800), point("2026-11-03", "URGENT", null)],
    },
  };

  it("has one series per priority with figures, each with its own extent and target", () => {
    const series = trendSeries(view);
    expect(series.map((one) => one.priority)).toEqual(["VITAL", "ROUTINE"]);
    expect(series[0]).toMatchObject({ maxS: 3600, targetS: 3600 });
    expect(series[1]).toMatchObject({ maxS: 90_000, targetS: null });
  });

  it("spans the whole period, with empty buckets where the line must break", () => {
    const vital = trendSeries(view)[0]!;
    expect(vital.rows.map((row) => [row.start, row.median])).toEqual([
      ["2026-11-01", 600],
      ["2026-11-02", null],
      ["2026-11-03", null],
      ["2026-11-04", 900],
      ["2026-11-05", null],
    ]);
  });

  it("cuts weeks and months as the server does, the first bucket starting with the period", () => {
    expect(bucketStarts({ from: "2026-01-10", to: "2026-03-01" }).slice(0, 3)).toEqual(["2026-01-10", "2026-01-12", "2026-01-19"]);
    expect(bucketStarts({ from: "2026-01-10", to: "2026-12-31" }).slice(0, 2)).toEqual(["2026-01-10", "2026-02-01"]);
  });
});

describe("trend dates", () => {
  const t = createTranslator("fr");
  it("reads a bucket in the reader's language", () => {
    expect(formatBucket(t, "fr", "2026-11-03", "day", false)).toBe("mar. 3 nov.");
    expect(formatBucket(t, "fr", "2026-11-02", "week", false)).toBe("semaine du 2 nov.");
    expect(formatBucket(t, "fr", "2026-11-01", "month", false)).toBe("novembre 2026");
    expect(formatBucket(createTranslator("en"), "en", "2026-11-03", "day", true)).toBe("Tue, 3 Nov 2026");
    expect(formatDay("2026-01-01", "fr", { year: true })).toBe("1 janv. 2026");
  });
});
