import { z } from "zod";
import { MODALITIES, PRIORITIES, REQUEST_TYPES } from "../enums";
import { daysBetween, parseLocalDate } from "../rota/wall-clock";
import { SEGMENTS } from "./segments";

// Inputs of the dashboards. A period is a range of whole days in the territory's time zone,
// both ends included; a request belongs to the period of the day it was submitted.

export const MAX_PERIOD_DAYS = 732;

// Bounded so that date arithmetic stays in range (a year 9999 would overflow the next day).
const localDate = z.string().refine((value) => parseLocalDate(value) !== null && value >= "2000-01-01" && value <= "2100-12-31", { message: "validation.date" });

export const BREAKDOWN_DIMENSIONS = ["site", "priority", "type", "modality", "radiologist", "hour", "weekday"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export const dashboardFilterSchema = z
  .object({
    from: localDate,
    to: localDate,
    siteIds: z.array(z.uuid({ message: "validation.id" })).max(100).default([]),
    priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).default([]),
    types: z.array(z.enum(REQUEST_TYPES)).max(REQUEST_TYPES.length).default([]),
    modalities: z.array(z.enum(MODALITIES)).max(MODALITIES.length).default([]),
    // Per-radiologist figures are the department head's only (checked by the service).
    radiologistIds: z.array(z.uuid({ message: "validation.id" })).max(200).default([]),
  })
  .superRefine((filter, ctx) => {
    if (parseLocalDate(filter.from) === null || parseLocalDate(filter.to) === null) return;
    const days = daysBetween(filter.from, filter.to);
    if (days < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "dashboard.validation.periodOrder" });
    else if (days + 1 > MAX_PERIOD_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "dashboard.validation.periodTooLong" });
  });
export type DashboardFilter = z.output<typeof dashboardFilterSchema>;
export type DashboardFilterInput = z.input<typeof dashboardFilterSchema>;

export const dashboardQuerySchema = z.object({
  filter: dashboardFilterSchema,
  breakdown: z.enum(BREAKDOWN_DIMENSIONS).default("priority"),
  // The segment the distribution's detail, the trend and the drill-downs focus on.
  segment: z.enum(SEGMENTS).default("SUBMITTED_TO_SIGNED"),
});
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;
export type DashboardQueryInput = z.input<typeof dashboardQuerySchema>;

// "completed": went through the segment (the count of a figure); "all" adds the open ones.
export const DRILL_OUTCOMES = ["all", "completed", "within", "missed", "open"] as const;
export type DrillOutcome = (typeof DRILL_OUTCOMES)[number];

/** What a click on a figure selects: the filter, narrowed by the figure's coordinates. */
export const drillDownSchema = z.object({
  filter: dashboardFilterSchema,
  segment: z.enum(SEGMENTS).nullable().default(null),
  group: z.object({ dimension: z.enum(BREAKDOWN_DIMENSIONS), key: z.string().min(1).max(64) }).nullable().default(null),
  // A bar of a distribution: durations in [fromS, toS), toS null for the open-ended last bar.
  durationRange: z
    .object({ fromS: z.number().int().min(0), toS: z.number().int().min(1).nullable() })
    .nullable()
    .default(null),
  // A cell of the arrivals heatmap (weekday 0 = Monday).
  cell: z.object({ weekday: z.number().int().min(0).max(6), hour: z.number().int().min(0).max(23) }).nullable().default(null),
  outcome: z.enum(DRILL_OUTCOMES).default("all"),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type DrillDown = z.output<typeof drillDownSchema>;
export type DrillDownInput = z.input<typeof drillDownSchema>;
