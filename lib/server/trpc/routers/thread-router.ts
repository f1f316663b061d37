import "server-only";
import { postThreadMessageSchema } from "@/lib/domain/thread";
import { requestIdSchema } from "@/lib/domain/worklist-filter-schema";
import { listThread } from "../../services/thread/list-thread";
import { postThreadMessage } from "../../services/thread/post-message";
import { roleProcedure, router } from "../init";

export const threadRouter = router({
  byRequest: roleProcedure("REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD")
    .input(requestIdSchema)
    .query(({ ctx, input }) => listThread({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  post: roleProcedure("REFERRER", "RADIOGRAPHER", "RADIOLOGIST")
    .input(postThreadMessageSchema)
    .mutation(({ ctx, input }) => postThreadMessage({ db: ctx.db, actor: ctx.actor, input })),
});
