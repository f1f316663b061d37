import "server-only";
import { changeTemplateSchema, saveDraftSchema, signReportSchema, startReadingSchema } from "@/lib/domain/reports/report-schemas";
import { sendMeasurementSchema } from "@/lib/domain/reports/report-measurement-schemas";
import { requestIdSchema } from "@/lib/domain/worklist-filter-schema";
import { listReportMeasurements } from "../../services/report-measurements/list-report-measurements";
import { sendMeasurementToReport } from "../../services/report-measurements/send-measurement-to-report";
import { changeTemplate } from "../../services/reports/change-template";
import { getReportPanel } from "../../services/reports/get-report-panel";
import { saveDraft } from "../../services/reports/save-draft";
import { signReport } from "../../services/reports/sign-report";
import { startAddendum } from "../../services/reports/start-addendum";
import { startReading } from "../../services/reports/start-reading";
import { roleProcedure, router } from "../init";

// Writing and signing reports. Roles here; holder, site and status in the services.
export const reportsRouter = router({
  forRequest: roleProcedure("REFERRER", "RADIOLOGIST", "DEPARTMENT_HEAD")
    .input(requestIdSchema)
    .query(({ ctx, input }) => getReportPanel({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  startReading: roleProcedure("RADIOLOGIST")
    .input(startReadingSchema)
    .mutation(({ ctx, input }) => startReading({ db: ctx.db, actor: ctx.actor, requestId: input.requestId, templateId: input.templateId })),

  saveDraft: roleProcedure("RADIOLOGIST")
    .input(saveDraftSchema)
    .mutation(({ ctx, input }) => saveDraft({ db: ctx.db, actor: ctx.actor, input })),

  changeTemplate: roleProcedure("RADIOLOGIST")
    .input(changeTemplateSchema)
    .mutation(({ ctx, input }) => changeTemplate({ db: ctx.db, actor: ctx.actor, ...input })),

  sign: roleProcedure("RADIOLOGIST")
    .input(signReportSchema)
    .mutation(({ ctx, input }) => signReport({ db: ctx.db, actor: ctx.actor, input, session: ctx.session, rp: ctx.rp })),

  startAddendum: roleProcedure("RADIOLOGIST")
    .input(requestIdSchema)
    .mutation(({ ctx, input }) => startAddendum({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  // Measurements sent from the viewer, waiting in the editor (the reader's own, per request).
  measurements: roleProcedure("RADIOLOGIST")
    .input(requestIdSchema)
    .query(({ ctx, input }) => listReportMeasurements({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  sendMeasurement: roleProcedure("RADIOLOGIST")
    .input(sendMeasurementSchema)
    .mutation(({ ctx, input }) => sendMeasurementToReport({ db: ctx.db, actor: ctx.actor, input })),
});
