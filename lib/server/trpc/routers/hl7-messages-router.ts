import "server-only";
import { z } from "zod";
import { OUTBOUND_WATCHERS } from "../../services/hl7-outbound/outbound-access";
import { listOutboundProblems } from "../../services/hl7-outbound/list-outbound-problems";
import { listRequestHl7Messages } from "../../services/hl7-outbound/list-request-hl7-messages";
import { retryOutboundMessage } from "../../services/hl7-outbound/retry-outbound-message";
import { authedProcedure, roleProcedure, router } from "../init";

const watchers = roleProcedure(...OUTBOUND_WATCHERS);

// The HL7 messages exchanged with the sites' RIS: per request (its scope applies), and the
// outbox's problems for the operations board.
export const hl7MessagesRouter = router({
  forRequest: authedProcedure.input(z.object({ requestId: z.uuid({ message: "validation.id" }) })).query(({ ctx, input }) => listRequestHl7Messages({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),
  outboundProblems: watchers.query(({ ctx }) => listOutboundProblems({ db: ctx.db, actor: ctx.actor, now: new Date() })),
  retry: watchers.input(z.object({ messageId: z.string().regex(/^[0-9]{1,19}$/, { message: "validation.id" }) })).mutation(({ ctx, input }) => retryOutboundMessage({ db: ctx.db, actor: ctx.actor, messageId: input.messageId })),
});
