import "server-only";
import { requestIdSchema } from "@/lib/domain/worklist-filter-schema";
import {
  cancelRequestSchema,
  decideIndicationSchema,
  provideInformationSchema,
  sendProtocolSchema,
} from "@/lib/domain/workflow/workflow-schemas";
import { cancelRequest } from "../../services/workflow/cancel-request";
import { decideIndication } from "../../services/workflow/decide-indication";
import { listProtocolOptions } from "../../services/workflow/list-protocol-options";
import { provideInformation } from "../../services/workflow/provide-information";
import { recordPatientInformed } from "../../services/workflow/record-patient-informed";
import { sendProtocol } from "../../services/workflow/send-protocol";
import { roleProcedure, router } from "../init";

// The acts of a request's life. Roles here; who exactly (holder, site staff) in the services.
export const workflowRouter = router({
  decideIndication: roleProcedure("RADIOLOGIST")
    .input(decideIndicationSchema)
    .mutation(({ ctx, input }) => decideIndication({ db: ctx.db, actor: ctx.actor, input })),

  provideInformation: roleProcedure("REFERRER")
    .input(provideInformationSchema)
    .mutation(({ ctx, input }) => provideInformation({ db: ctx.db, actor: ctx.actor, requestId: input.requestId, answer: input.answer })),

  protocolOptions: roleProcedure("RADIOLOGIST")
    .input(requestIdSchema)
    .query(({ ctx, input }) => listProtocolOptions({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  sendProtocol: roleProcedure("RADIOLOGIST")
    .input(sendProtocolSchema)
    .mutation(({ ctx, input }) => sendProtocol({ db: ctx.db, actor: ctx.actor, input })),

  recordPatientInformed: roleProcedure("RADIOGRAPHER", "REFERRER")
    .input(requestIdSchema)
    .mutation(({ ctx, input }) => recordPatientInformed({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  cancel: roleProcedure("REFERRER", "RADIOLOGIST", "DEPARTMENT_HEAD")
    .input(cancelRequestSchema)
    .mutation(({ ctx, input }) => cancelRequest({ db: ctx.db, actor: ctx.actor, requestId: input.requestId, reason: input.reason })),
});
