import "server-only";
import { createReportDestinationSchema, updateReportDestinationSchema } from "@/lib/domain/network/report-destination";
import { SETTINGS_EDITORS } from "@/lib/domain/rota/rota-access";
import { createReportDestination } from "../../services/report-destinations/create-report-destination";
import { listReportDestinations } from "../../services/report-destinations/list-report-destinations";
import { updateReportDestination } from "../../services/report-destinations/update-report-destination";
import { roleProcedure, router } from "../init";

const admin = roleProcedure(...SETTINGS_EDITORS);

/** Where each site's signed reports are stored in its PACS (C-STORE), managed by the administrator in /admin. */
export const reportDestinationsRouter = router({
  list: admin.query(({ ctx }) => listReportDestinations({ db: ctx.db, actor: ctx.actor })),
  create: admin.input(createReportDestinationSchema).mutation(({ ctx, input }) => createReportDestination({ db: ctx.db, actor: ctx.actor, input })),
  update: admin.input(updateReportDestinationSchema).mutation(({ ctx, input }) => updateReportDestination({ db: ctx.db, actor: ctx.actor, input })),
});
