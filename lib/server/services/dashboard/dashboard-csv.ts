import "server-only";
import { csvMinutes as minutes, type CsvCell, type CsvTable } from "@/lib/domain/csv";
import { dashboardQuerySchema, drillDownSchema } from "@/lib/domain/dashboard/dashboard-schemas";
import type { SegmentFigures } from "@/lib/domain/dashboard/dashboard-view";
import { groupName } from "@/lib/domain/dashboard/group-name";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/types";
import { exportTable, type ExportTable } from "../exports/export-table";
import { requestCells, requestColumns } from "../exports/request-cells";
import { isPerRadiologist } from "./assert-dashboard-access";
import { DRILL_EXPORT_LIMIT, drillDownForExport } from "./drill-down";
import { getDashboardView } from "./get-dashboard-view";

// The dashboard's tables as CSV, built by the same use cases as the screen (so the role and
// per-radiologist checks apply). Durations in minutes, shares in percent, for spreadsheets.

const percent = (share: number | null): CsvCell => (share === null ? null : Math.round(share * 1000) / 10);

function figureCells(figures: SegmentFigures): CsvCell[] {
  return [figures.count, figures.open, minutes(figures.median), minutes(figures.p90), figures.within, figures.judged, percent(figures.share)];
}

function figureColumns(t: Translate): string[] {
  return [t("exports.count"), t("exports.open"), t("exports.medianMin"), t("exports.p90Min"), t("exports.within"), t("exports.judged"), t("exports.sharePercent")];
}

const summary = exportTable({
  roles: ["DEPARTMENT_HEAD"],
  input: dashboardQuerySchema,
  perRadiologist: (query) => isPerRadiologist({ filter: query.filter, dimensions: [] }),
  build: async ({ db, actor, input, now, locale }): Promise<CsvTable> => {
    const t = createTranslator(locale);
    const view = await getDashboardView({ db, actor, query: { ...input, breakdown: "priority" }, now });
    const single = input.filter.priorities.length === 1 ? input.filter.priorities[0]! : null;
    return {
      columns: [t("exports.segment"), ...figureColumns(t), t("exports.targetMin")],
      rows: view.summary.map((figures) => [
        t(`dashboard.segment.${figures.segment}` as MessageKey),
        ...figureCells(figures),
        single ? minutes(view.targets.find((target) => target.priority === single && target.segment === figures.segment)?.targetS ?? null) : null,
      ]),
    };
  },
});

const breakdown = exportTable({
  roles: ["DEPARTMENT_HEAD"],
  input: dashboardQuerySchema,
  perRadiologist: (query) => isPerRadiologist({ filter: query.filter, dimensions: [query.breakdown] }),
  build: async ({ db, actor, input, now, locale }): Promise<CsvTable> => {
    const t = createTranslator(locale);
    const view = await getDashboardView({ db, actor, query: input, now });
    return {
      columns: [t("exports.dimension"), t("exports.group"), t("exports.submitted"), t("exports.segment"), ...figureColumns(t)],
      rows: view.breakdown.groups.flatMap((group) =>
        group.figures.map((figures) => [
          input.breakdown,
          groupName(t, input.breakdown, group),
          group.submitted,
          t(`dashboard.segment.${figures.segment}` as MessageKey),
          ...figureCells(figures),
        ]),
      ),
    };
  },
});

const drill = exportTable({
  roles: ["DEPARTMENT_HEAD"],
  input: drillDownSchema.omit({ offset: true, limit: true }),
  perRadiologist: (input) => isPerRadiologist({ filter: input.filter, dimensions: [input.group?.dimension ?? null] }),
  build: async ({ db, actor, input, now, locale }): Promise<CsvTable> => {
    const t = createTranslator(locale);
    // Every row behind the figure (up to the export's limit), not only the page on screen.
    const { total, rows } = await drillDownForExport({ db, actor, input, now });
    return {
      columns: [
        ...requestColumns(t),
        t("exports.durationMin"),
        t("exports.open"),
        t("exports.targetMin"),
        t("exports.within"),
        t("exports.radiologist"),
      ],
      rows: [
        ...rows.map((row) => [
          ...requestCells(t, row),
          minutes(row.durationS),
          row.open ? t("exports.yes") : t("exports.no"),
          minutes(row.targetS),
          row.within === null ? null : row.within ? t("exports.yes") : t("exports.no"),
          row.radiologistName,
        ]),
        // Said in the file itself, so that a cut list is never taken for the whole.
        ...(total > rows.length ? [[t("exports.truncated", { shown: DRILL_EXPORT_LIMIT, total })]] : []),
      ],
    };
  },
});

export const dashboardExportTables: Record<string, ExportTable> = {
  "dashboard-summary": summary,
  "dashboard-breakdown": breakdown,
  "dashboard-drilldown": drill,
};
