import "server-only";
import { getOperationsBoard } from "../../services/operations/get-operations-board";
import { roleProcedure, router } from "../init";

// The department head's live operations board.
export const operationsRouter = router({
  /** Backlog by state and age, at-risk list, who is on call and their load, escalations: now. */
  board: roleProcedure("DEPARTMENT_HEAD").query(({ ctx }) => getOperationsBoard({ db: ctx.db, actor: ctx.actor, now: new Date() })),
});
