import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { passkeyNameSchema, totpCodeSchema, webauthnResponseSchema } from "@/lib/domain/second-factor";
import { passkeyAssertionOptions } from "../../auth/factors/passkey-assertion";
import type { RelyingParty } from "../../auth/factors/relying-party";
import { secondFactorPasskeyOptions } from "../../auth/second-factor-passkey-options";
import { beginPasskeyRegistration } from "../../services/security/begin-passkey-registration";
import { identityConfirmationSchema } from "../../services/security/confirm-identity";
import { confirmTotpEnrolment } from "../../services/security/confirm-totp-enrolment";
import { finishPasskeyRegistration } from "../../services/security/finish-passkey-registration";
import { listFactors } from "../../services/security/list-factors";
import { regenerateRecoveryCodes } from "../../services/security/regenerate-recovery-codes";
import { removeFactor } from "../../services/security/remove-factor";
import { startTotpEnrolment } from "../../services/security/start-totp-enrolment";
import { signatureOptionsFor } from "../../services/reports/signature-reauth";
import type { SessionContext } from "../context";
import { authedProcedure, publicProcedure, router, selfProcedure } from "../init";

const selfOf = (session: SessionContext) => ({ userId: session.user.id, sessionId: session.id, method: session.method });

function relyingParty(rp: RelyingParty | null | undefined): RelyingParty {
  if (!rp) throw new TRPCError({ code: "BAD_REQUEST", message: "No relying party for passkeys on this request" });
  return rp;
}

// The account's own second factors (/account/security). Open to a session that must enrol
// first (selfProcedure): that is where it is sent.
export const securityRouter = router({
  factors: selfProcedure.query(({ ctx }) => listFactors({ db: ctx.db, self: selfOf(ctx.session) })),
  startTotp: selfProcedure.mutation(({ ctx }) => startTotpEnrolment({ db: ctx.db, self: selfOf(ctx.session) })),
  confirmTotp: selfProcedure.input(z.object({ code: totpCodeSchema })).mutation(({ ctx, input }) => confirmTotpEnrolment({ db: ctx.db, self: selfOf(ctx.session), code: input.code })),
  passkeyRegistrationOptions: selfProcedure.mutation(({ ctx }) => beginPasskeyRegistration({ db: ctx.db, self: selfOf(ctx.session), rp: relyingParty(ctx.rp) })),
  registerPasskey: selfProcedure
    .input(z.object({ name: passkeyNameSchema, response: webauthnResponseSchema }))
    .mutation(({ ctx, input }) => finishPasskeyRegistration({ db: ctx.db, self: selfOf(ctx.session), rp: relyingParty(ctx.rp), name: input.name, response: input.response })),
  removeFactor: selfProcedure
    .input(z.object({ factor: z.discriminatedUnion("kind", [z.object({ kind: z.literal("TOTP") }), z.object({ kind: z.literal("PASSKEY"), passkeyId: z.uuid() })]), confirmation: identityConfirmationSchema }))
    .mutation(({ ctx, input }) => removeFactor({ db: ctx.db, self: selfOf(ctx.session), factor: input.factor, confirmation: input.confirmation })),
  regenerateRecoveryCodes: selfProcedure
    .input(z.object({ confirmation: identityConfirmationSchema }))
    .mutation(({ ctx, input }) => regenerateRecoveryCodes({ db: ctx.db, self: selfOf(ctx.session), confirmation: input.confirmation })),
  // The signature dialog: which re-authentications this session may use, and a passkey challenge.
  signatureOptions: authedProcedure.query(({ ctx }) => signatureOptionsFor(ctx.db, ctx.actor.id, ctx.session, new Date())),
  stepUpPasskeyOptions: authedProcedure.mutation(async ({ ctx }) => {
    const now = new Date();
    const options = await ctx.db.$transaction((tx) => passkeyAssertionOptions(tx, { userId: ctx.actor.id, purpose: "STEP_UP", rp: relyingParty(ctx.rp), now }));
    if (!options) throw new TRPCError({ code: "NOT_FOUND", message: "No passkey" });
    return options;
  }),
  // The second step of a sign-in (no session yet): a passkey challenge for the ticket's account.
  signInPasskeyOptions: publicProcedure.input(z.object({ ticket: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
    const options = await secondFactorPasskeyOptions(ctx.db, { ticket: input.ticket, rp: relyingParty(ctx.rp) });
    if (!options) throw new TRPCError({ code: "NOT_FOUND", message: "Sign-in expired: start again" });
    return options;
  }),
});
