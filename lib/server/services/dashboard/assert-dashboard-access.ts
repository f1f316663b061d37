import "server-only";
import type { Actor } from "@/lib/domain/access";
import { canOpenDashboards, canSeeRadiologistFigures } from "@/lib/domain/dashboard/dashboard-access";
import type { BreakdownDimension, DashboardFilter } from "@/lib/domain/dashboard/dashboard-schemas";
import { AppError } from "@/lib/domain/errors";

/** Refuses the dashboards to anyone but the head, and per-radiologist figures likewise. */
export function assertDashboardAccess(actor: Actor, asked: { filter: DashboardFilter; dimensions: readonly (BreakdownDimension | null)[] }): void {
  if (!canOpenDashboards(actor)) throw new AppError("FORBIDDEN", "The dashboards are the department head's");
  if (isPerRadiologist(asked) && !canSeeRadiologistFigures(actor)) throw new AppError("FORBIDDEN", "Per-radiologist figures are the department head's");
}

/** Does this query show radiologists' own figures (audited as such)? */
export function isPerRadiologist(asked: { filter: DashboardFilter; dimensions: readonly (BreakdownDimension | null)[] }): boolean {
  return asked.filter.radiologistIds.length > 0 || asked.dimensions.includes("radiologist");
}
