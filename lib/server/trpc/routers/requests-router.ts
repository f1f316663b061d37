import "server-only";
import { z } from "zod";
import { LIMITS } from "@/lib/domain/limits";
import { patientSearchSchema } from "@/lib/domain/patient-search/patient-search-schema";
import { submitRequestSchema } from "@/lib/domain/submit-request-schema";
import { requestIdSchema } from "@/lib/domain/worklist-filter-schema";
import { searchPatients } from "../../services/patients/search-patients";
import { claimRequest } from "../../services/requests/claim-request";
import { getRequest } from "../../services/requests/get-request";
import { releaseRequest } from "../../services/requests/release-request";
import { submitRequest } from "../../services/requests/submit-request";
import { roleProcedure, router } from "../init";

const readers = roleProcedure("REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD");

export const requestsRouter = router({
  submit: roleProcedure("REFERRER")
    .input(submitRequestSchema)
    .mutation(({ ctx, input }) => submitRequest({ db: ctx.db, actor: ctx.actor, input })),

  byId: readers
    .input(requestIdSchema)
    .query(({ ctx, input }) => getRequest({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  // The header's search: a query, not a mutation, though it writes its audit row (as byId does).
  search: readers
    .input(patientSearchSchema)
    .query(({ ctx, input }) => searchPatients({ db: ctx.db, actor: ctx.actor, query: input.query })),

  claim: roleProcedure("RADIOLOGIST")
    .input(requestIdSchema)
    .mutation(({ ctx, input }) => claimRequest({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  release: roleProcedure("RADIOLOGIST")
    .input(requestIdSchema.extend({ reason: z.string().trim().max(LIMITS.reason, { message: "validation.tooLong" }).optional() }))
    .mutation(({ ctx, input }) =>
      releaseRequest({ db: ctx.db, actor: ctx.actor, requestId: input.requestId, reason: input.reason }),
    ),
});
