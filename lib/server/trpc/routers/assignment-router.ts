import "server-only";
import { assignmentRequestIdSchema, escalatedBoardSchema, takeOverSchema } from "@/lib/domain/assignment/assignment-schemas";
import { acknowledgeAssignment } from "../../services/assignment/acknowledge-assignment";
import { getRequestAssignment } from "../../services/assignment/get-request-assignment";
import { listEscalatedRequests } from "../../services/assignment/list-escalated-requests";
import { takeOverRequest } from "../../services/assignment/take-over-request";
import { roleProcedure, router } from "../init";

export const assignmentRouter = router({
  /** Who holds the request, how, why, the escalation level, and what the actor may do. */
  forRequest: roleProcedure("REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD")
    .input(assignmentRequestIdSchema)
    .query(({ ctx, input }) => getRequestAssignment({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  acknowledge: roleProcedure("RADIOLOGIST")
    .input(assignmentRequestIdSchema)
    .mutation(({ ctx, input }) => acknowledgeAssignment({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  takeOver: roleProcedure("RADIOLOGIST")
    .input(takeOverSchema)
    .mutation(({ ctx, input }) => takeOverRequest({ db: ctx.db, actor: ctx.actor, requestId: input.requestId, reason: input.reason })),

  /** The department head's board of escalated requests still waiting. */
  escalated: roleProcedure("DEPARTMENT_HEAD")
    .input(escalatedBoardSchema)
    .query(({ ctx, input }) => listEscalatedRequests({ db: ctx.db, actor: ctx.actor, limit: input.limit })),
});
