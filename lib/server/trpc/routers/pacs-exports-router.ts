import "server-only";
import { z } from "zod";
import { OUTBOUND_WATCHERS } from "../../services/hl7-outbound/outbound-access";
import { listPacsExportProblems } from "../../services/pacs-export/list-pacs-export-problems";
import { listRequestPacsExports } from "../../services/pacs-export/list-request-pacs-exports";
import { retryReportExport } from "../../services/pacs-export/retry-report-export";
import { authedProcedure, roleProcedure, router } from "../init";

const watchers = roleProcedure(...OUTBOUND_WATCHERS);

// The signed reports' documents stored at the sites' PACS: per request (its scope applies), and
// the failed or stuck ones for the operations board.
export const pacsExportsRouter = router({
  forRequest: authedProcedure.input(z.object({ requestId: z.uuid({ message: "validation.id" }) })).query(({ ctx, input }) => listRequestPacsExports({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),
  problems: watchers.query(({ ctx }) => listPacsExportProblems({ db: ctx.db, actor: ctx.actor, now: new Date() })),
  retry: watchers.input(z.object({ exportId: z.uuid({ message: "validation.id" }) })).mutation(({ ctx, input }) => retryReportExport({ db: ctx.db, actor: ctx.actor, exportId: input.exportId })),
});
