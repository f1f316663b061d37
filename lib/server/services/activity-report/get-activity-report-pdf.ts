import "server-only";
import type { Actor } from "@/lib/domain/access";
import { assembleActivityReport } from "@/lib/domain/activity-report/activity-report-model";
import { activityReportInputSchema, isFutureMonth, monthOfInstant, monthPeriod, nextMonth, type ActivityReportInput } from "@/lib/domain/activity-report/activity-report-schema";
import { canOpenDashboards } from "@/lib/domain/dashboard/dashboard-access";
import { dashboardQuerySchema } from "@/lib/domain/dashboard/dashboard-schemas";
import type { Priority } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import { startOfLocalDay } from "@/lib/domain/rota/wall-clock";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { renderActivityPdf } from "../../reports/render-activity-pdf";
import { computeDashboardView } from "../dashboard/compute-dashboard-view";
import { loadActivityScope } from "./load-activity-scope";
import { loadDecisionEvents } from "./load-decision-events";

/**
 * The monthly activity report of a site or an inter-hospital agreement, as PDF: what the
 * hospitals file as their quality indicator. The department head's only, like the dashboard
 * whose figures it prints (computed by the same code, so the two never disagree). Audited:
 * the document carries accession numbers and per-site figures.
 *
 * Deterministic for given data: the document shows no generation time. Open requests are
 * judged against `now`, as on the dashboard; for a closed month they are few and already late.
 */
export async function getActivityReportPdf(args: { db: Db; actor: Actor; input: ActivityReportInput; now: Date }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { db, actor, now } = args;
  if (!canOpenDashboards(actor)) throw new AppError("FORBIDDEN", "The activity report is the department head's");
  const parsed = activityReportInputSchema.safeParse(args.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("BAD_INPUT", `Invalid activity report request: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`, {
      field: issue?.path.join(".") ?? null,
      message: issue?.message ?? null,
    });
  }
  const { month, scope: wanted } = parsed.data;
  if (isFutureMonth(month, now)) throw new AppError("BAD_INPUT", "This month has not begun yet", { field: "month", message: "activity.validation.futureMonth" });

  const loaded = await loadActivityScope(db, wanted);
  const period = monthPeriod(month);
  const query = (breakdown: "priority" | "type" | "modality", priorities: Priority[] = []) => {
    const result = dashboardQuerySchema.safeParse({ filter: { from: period.from, to: period.to, siteIds: loaded.siteIds, priorities }, breakdown });
    // Only an agreement of more sites than the dashboard's filter takes can fail here.
    if (!result.success) throw new AppError("BAD_INPUT", "This agreement has too many sites for one report", { field: "groupId" });
    return result.data;
  };
  const [from, to] = [startOfLocalDay(period.from), startOfLocalDay(`${nextMonth(month)}-01`)];
  const [byPriority, byType, byModality, vital, urgent, routine, refusals, cancellations] = await Promise.all([
    computeDashboardView({ db, query: query("priority"), now }),
    computeDashboardView({ db, query: query("type"), now }),
    computeDashboardView({ db, query: query("modality"), now }),
    computeDashboardView({ db, query: query("priority", ["VITAL"]), now }),
    computeDashboardView({ db, query: query("priority", ["URGENT"]), now }),
    computeDashboardView({ db, query: query("priority", ["ROUTINE"]), now }),
    loadDecisionEvents(db, { siteIds: loaded.siteIds, status: "INDICATION_REFUSED", from, to }),
    loadDecisionEvents(db, { siteIds: loaded.siteIds, status: "CANCELLED", from, to }),
  ]);
  const report = assembleActivityReport({
    month,
    period,
    provisional: month === monthOfInstant(now),
    scope: loaded.scope,
    views: { byPriority, byType, byModality, perPriority: { VITAL: vital, URGENT: urgent, ROUTINE: routine } },
    refusals,
    cancellations,
  });
  const bytes = await renderActivityPdf(report);

  await writeAudit(db, {
    actorId: actor.id,
    action: "ACTIVITY_REPORT_DOWNLOADED",
    entityType: loaded.audit.entityType,
    entityId: loaded.audit.entityId,
    siteId: loaded.audit.siteId,
    detail: { month },
  });
  return { fileName: `rapport-activite-${loaded.slug}-${month}.pdf`, bytes };
}
