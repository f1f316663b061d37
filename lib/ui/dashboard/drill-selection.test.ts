import { describe, expect, it } from "vitest";
import type { DashboardFilter } from "@/lib/domain/dashboard/dashboard-schemas";
import { createTranslator } from "@/lib/i18n/translate";
import { binDrill, bucketEnd, cellDrill, groupDrill, summaryDrill, trendDrill } from "./drill-selection";

const t = createTranslator("fr");
const FILTER: DashboardFilter = {
  from: "2026-01-10",
  to: "2026-03-15",
  siteIds: [],
  priorities: [],
  types: [],
  modalities: [],
  radiologistIds: [],
};

describe("drill selections", () => {
  it("a missed-target cell of the summary lists that segment's missed requests", () => {
    const drill = summaryDrill(t, FILTER, "SUBMITTED_TO_SIGNED", "missed");
    expect(drill.input).toMatchObject({ filter: FILTER, segment: "SUBMITTED_TO_SIGNED", outcome: "missed", group: null });
    expect(drill.what).toBe("Soumission → signature · hors cible");
  });

  it("a breakdown row names its dimension and group", () => {
    const drill = groupDrill(t, FILTER, "priority", { key: "VITAL", label: "" }, "COMPLETE_TO_SIGNED");
    expect(drill.input.group).toEqual({ dimension: "priority", key: "VITAL" });
    expect(drill.what).toBe("Images complètes → signature · Priorité : Urgence vitale");
  });

  it("a distribution bar selects its duration range, open-ended for the last bar", () => {
    expect(binDrill(t, "fr", FILTER, "CLAIMED_TO_SIGNED", { fromS: 900, toS: 1800, count: 3 }).what).toBe("Prise en charge → signature · 15 min à 30 min");
    const last = binDrill(t, "fr", FILTER, "CLAIMED_TO_SIGNED", { fromS: 86_400, toS: null, count: 1 });
    expect(last.input.durationRange).toEqual({ fromS: 86_400, toS: null });
    expect(last.what).toBe("Prise en charge → signature · 1 j et plus");
  });

  it("a heatmap cell selects its weekday and hour (Monday = 0)", () => {
    const drill = cellDrill(t, FILTER, { weekday: 0, hour: 8 });
    expect(drill.input.cell).toEqual({ weekday: 0, hour: 8 });
    expect(drill.what).toContain("Lun 08 h – 09 h");
  });

  it("a trend point lists the completed requests of its bucket and priority, the figures' basis", () => {
    const drill = trendDrill(t, "fr", FILTER, "SUBMITTED_TO_SIGNED", "week", { start: "2026-01-10", priority: "URGENT" });
    // 2026-01-10 is a Saturday: its week ends on Sunday 11th.
    expect(drill.input.filter).toMatchObject({ from: "2026-01-10", to: "2026-01-11", priorities: ["URGENT"] });
    expect(drill.input.outcome).toBe("completed");
    expect(drill.what).toBe("Soumission → signature · Urgent · du 10 janv. au 11 janv. · terminées");
  });

  it("a median opens the completed requests it is computed from, and says so", () => {
    const drill = summaryDrill(t, FILTER, "SUBMITTED_TO_SIGNED", { figure: "median", value: "1 h 20" });
    expect(drill.input).toMatchObject({ segment: "SUBMITTED_TO_SIGNED", outcome: "completed" });
    expect(drill.what).toBe("Soumission → signature · les demandes terminées dont est tiré le chiffre « médiane : 1 h 20 »");
  });

  it("a breakdown share opens the group's requests within the target", () => {
    const drill = groupDrill(t, FILTER, "radiologist", { key: "none", label: "" }, "COMPLETE_TO_CLAIMED", "within");
    expect(drill.input).toMatchObject({ group: { dimension: "radiologist", key: "none" }, segment: "COMPLETE_TO_CLAIMED", outcome: "within" });
    expect(drill.what).toBe("Images complètes → prise en charge · Radiologue : Sans radiologue · dans la cible");
  });

  it("a breakdown group without a segment opens all its requests", () => {
    const drill = groupDrill(t, FILTER, "hour", { key: "8", label: "" }, null);
    expect(drill.input).toMatchObject({ segment: null, outcome: "all" });
    expect(drill.what).toBe("Toutes les demandes soumises · Heure d'arrivée : 08 h – 09 h");
  });
});

describe("bucketEnd", () => {
  it("ends days, weeks and months, clipped to the period", () => {
    expect(bucketEnd("2026-02-03", "day", "2026-03-15")).toBe("2026-02-03");
    expect(bucketEnd("2026-02-02", "week", "2026-03-15")).toBe("2026-02-08");
    expect(bucketEnd("2026-02-01", "month", "2026-03-15")).toBe("2026-02-28");
    expect(bucketEnd("2026-03-01", "month", "2026-03-15")).toBe("2026-03-15");
  });
});
