import "server-only";
import { z } from "zod";
import { newPasswordSchema } from "@/lib/domain/accounts/account-schema";
import { getEnv } from "../../env";
import { describeAccountLink } from "../../services/accounts/describe-account-link";
import { redeemAccountLink } from "../../services/accounts/redeem-account-link";
import { changeOwnPassword } from "../../services/my-account/change-own-password";
import { endOwnSession } from "../../services/my-account/end-own-session";
import { listOwnSessions } from "../../services/my-account/list-own-sessions";
import { getOwnLanguage } from "../../services/my-account/get-own-language";
import { setOwnLanguage } from "../../services/my-account/set-own-language";
import { LOCALES } from "@/lib/i18n/types";
import { authedProcedure, publicProcedure, router } from "../init";

// A link's token: 32 random bytes in base64url.
const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: "validation.invalid" });

export const myAccountRouter = router({
  sessions: authedProcedure.query(({ ctx }) =>
    listOwnSessions({ db: ctx.db, actor: ctx.actor, sessionId: ctx.sessionId ?? null, idleTimeoutMs: getEnv().SESSION_IDLE_MINUTES * 60_000 }),
  ),
  language: authedProcedure.query(({ ctx }) => getOwnLanguage({ db: ctx.db, actor: ctx.actor })),
  setLanguage: authedProcedure
    .input(z.object({ language: z.enum(LOCALES, { message: "validation.choose" }) }))
    .mutation(({ ctx, input }) => setOwnLanguage({ db: ctx.db, actor: ctx.actor, language: input.language })),
  endSession: authedProcedure.input(z.object({ sessionId: z.uuid() })).mutation(({ ctx, input }) => endOwnSession({ db: ctx.db, actor: ctx.actor, sessionId: input.sessionId })),
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(1024), newPassword: newPasswordSchema }))
    .mutation(({ ctx, input }) => changeOwnPassword({ db: ctx.db, actor: ctx.actor, sessionId: ctx.sessionId ?? null, ...input })),
  // One-time links are used signed out: whoever holds the link is who it was sent to.
  describeLink: publicProcedure.input(z.object({ token })).query(({ ctx, input }) => describeAccountLink({ db: ctx.db, token: input.token })),
  redeemLink: publicProcedure
    .input(
      z.object({
        token,
        password: newPasswordSchema,
        email: z.string().trim().toLowerCase().email({ message: "account.validation.email" }).max(254).optional(),
        displayName: z.string().trim().min(1).max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) => redeemAccountLink({ db: ctx.db, input })),
});
