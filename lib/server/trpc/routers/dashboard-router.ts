import "server-only";
import { dashboardQuerySchema, drillDownSchema } from "@/lib/domain/dashboard/dashboard-schemas";
import { drillDown } from "../../services/dashboard/drill-down";
import { getDashboardView } from "../../services/dashboard/get-dashboard-view";
import { listDashboardOptions } from "../../services/dashboard/list-dashboard-options";
import { roleProcedure, router } from "../init";

// The department head's turnaround dashboard: figures, the requests behind them, filter options.
// Roles here; per-radiologist figures are checked again in the services.
export const dashboardRouter = router({
  view: roleProcedure("DEPARTMENT_HEAD")
    .input(dashboardQuerySchema)
    .query(({ ctx, input }) => getDashboardView({ db: ctx.db, actor: ctx.actor, query: input, now: new Date() })),

  drillDown: roleProcedure("DEPARTMENT_HEAD")
    .input(drillDownSchema)
    .query(({ ctx, input }) => drillDown({ db: ctx.db, actor: ctx.actor, input, now: new Date() })),

  options: roleProcedure("DEPARTMENT_HEAD").query(({ ctx }) => listDashboardOptions({ db: ctx.db, actor: ctx.actor })),
});
