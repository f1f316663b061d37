import "server-only";
import { presenceQuerySchema } from "@/lib/domain/presence";
import { listPresence } from "../../services/presence/list-presence";
import { roleProcedure, router } from "../init";

export const presenceRouter = router({
  forRequests: roleProcedure("REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD")
    .input(presenceQuerySchema)
    .query(({ ctx, input }) => listPresence({ db: ctx.db, actor: ctx.actor, requestIds: input.requestIds })),
});
