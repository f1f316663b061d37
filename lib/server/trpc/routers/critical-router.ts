import "server-only";
import { acknowledgeCriticalFindingSchema, criticalForRequestSchema, flagCriticalFindingSchema, recordCommunicationSchema } from "@/lib/domain/reports/critical-schemas";
import { acknowledgeCriticalFinding } from "../../services/critical/acknowledge-critical-finding";
import { flagCriticalFinding } from "../../services/critical/flag-critical-finding";
import { listCriticalFindings } from "../../services/critical/list-critical-findings";
import { recordCriticalCommunication } from "../../services/critical/record-critical-communication";
import { roleProcedure, router } from "../init";

// Critical findings: flagged and communicated by the reading radiologist, acknowledged by the
// site's referring physicians, read by whoever reads the request's report.
export const criticalRouter = router({
  forRequest: roleProcedure("REFERRER", "RADIOLOGIST", "DEPARTMENT_HEAD")
    .input(criticalForRequestSchema)
    .query(({ ctx, input }) => listCriticalFindings({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  flag: roleProcedure("RADIOLOGIST")
    .input(flagCriticalFindingSchema)
    .mutation(({ ctx, input }) => flagCriticalFinding({ db: ctx.db, actor: ctx.actor, input })),

  recordCommunication: roleProcedure("RADIOLOGIST")
    .input(recordCommunicationSchema)
    .mutation(({ ctx, input }) => recordCriticalCommunication({ db: ctx.db, actor: ctx.actor, input })),

  acknowledge: roleProcedure("REFERRER")
    .input(acknowledgeCriticalFindingSchema)
    .mutation(({ ctx, input }) => acknowledgeCriticalFinding({ db: ctx.db, actor: ctx.actor, input })),
});
