import type { DashboardView } from "./dashboard-view";

/**
 * Adds to the computed figures what the database supplies while they are being counted: the
 * names of sites and radiologists (groups then sorted by name, the requests nobody signed last)
 * and the radiologists on call per hour of the week (168 cells, Monday 00:00 first).
 */
export function completeView(view: DashboardView, supplied: { labels: ReadonlyMap<string, string>; onCall: readonly number[] }): DashboardView {
  const named = view.breakdown.dimension === "site" || view.breakdown.dimension === "radiologist";
  const groups = view.breakdown.groups.map((group) => ({ ...group, label: supplied.labels.get(group.key) ?? group.label }));
  if (named) groups.sort((a, b) => Number(a.key === "none") - Number(b.key === "none") || a.label.localeCompare(b.label, "fr") || a.key.localeCompare(b.key));
  return {
    ...view,
    breakdown: { ...view.breakdown, groups },
    heatmap: { cells: view.heatmap.cells.map((cell) => ({ ...cell, onCall: supplied.onCall[cell.weekday * 24 + cell.hour] ?? 0 })) },
  };
}
