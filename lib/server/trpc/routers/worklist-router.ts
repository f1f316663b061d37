import "server-only";
import { worklistFilterSchema } from "@/lib/domain/worklist-filter-schema";
import { listVisibleSites } from "../../services/requests/list-visible-sites";
import { listWorklist } from "../../services/requests/list-worklist";
import { roleProcedure, router } from "../init";

const readers = roleProcedure("REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD");

export const worklistRouter = router({
  list: readers
    .input(worklistFilterSchema)
    .query(({ ctx, input }) => listWorklist({ db: ctx.db, actor: ctx.actor, filter: input })),

  sites: readers.query(({ ctx }) => listVisibleSites({ db: ctx.db, actor: ctx.actor })),
});
