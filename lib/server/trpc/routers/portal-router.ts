import "server-only";
import { acknowledgeReportSchema, listMyRequestsSchema, openReportSchema } from "@/lib/domain/reports/delivery-schemas";
import { acknowledgeReport } from "../../services/delivery/acknowledge-report";
import { recordReportOpened } from "../../services/delivery/open-report";
import { listMyRequests } from "../../services/portal/list-my-requests";
import { roleProcedure, router } from "../init";

// The requester's side of a report: their requests, the first opening and the acknowledgement.
// Roles here; "the requester of this request" in the services.
export const portalRouter = router({
  myRequests: roleProcedure("REFERRER")
    .input(listMyRequestsSchema)
    .query(({ ctx, input }) => listMyRequests({ db: ctx.db, actor: ctx.actor, input })),

  openReport: roleProcedure("REFERRER", "RADIOLOGIST", "DEPARTMENT_HEAD")
    .input(openReportSchema)
    .mutation(({ ctx, input }) => recordReportOpened({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  acknowledge: roleProcedure("REFERRER")
    .input(acknowledgeReportSchema)
    .mutation(({ ctx, input }) => acknowledgeReport({ db: ctx.db, actor: ctx.actor, requestId: input.requestId, versionId: input.versionId })),
});
