import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { findControlCharacters } from "@/lib/domain/control-characters";
import { AppError, isAppError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/enums";
import type { TrpcContext } from "./context";
import { errorShapeData, raceError, toTrpcError } from "./error-mapping";

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Internal errors keep their message on the server log only.
    const message = error.code === "INTERNAL_SERVER_ERROR" ? "Internal error" : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, ...errorShapeData(error) } };
  },
});

/**
 * Turns typed AppErrors thrown by services into their tRPC codes (never a 500), and the
 * database's answers to a lost race (a unique key taken, a row deleted meanwhile) into 409/404.
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) throw toTrpcError(result.error.cause);
  if (!result.ok) {
    const raced = raceError(result.error.cause);
    if (raced) throw raced;
  }
  return result;
});

/** Control characters in any input string answer 400 before a procedure sees them (lib/domain/control-characters.ts). */
const refuseControlCharacters = t.middleware(async ({ getRawInput, next }) => {
  const found = findControlCharacters(await getRawInput());
  if (found) throw new TRPCError({ code: "BAD_REQUEST", message: `control character in ${found}` });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapAppErrors).use(refuseControlCharacters);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor && ctx.session?.reach === "ENROLMENT_ONLY") {
    throw toTrpcError(new AppError("SECOND_FACTOR_REQUIRED", "Enrol a second factor (or sign in with Pro Santé Connect) before anything else"));
  }
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * The signed-in user acting on their own account's security (second factors), whatever the
 * session's reach: this is where a session that must enrol first is allowed.
 */
export const selfProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** A procedure open to the given roles only; record scoping is then the service's job. */
export function roleProcedure(...roles: readonly Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) throw new TRPCError({ code: "FORBIDDEN", message: "Not allowed for this role" });
    return next();
  });
}
