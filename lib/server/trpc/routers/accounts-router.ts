import "server-only";
import { z } from "zod";
import { createAccountSchema, updateAccountSchema } from "@/lib/domain/accounts/account-schema";
import { SETTINGS_EDITORS } from "@/lib/domain/rota/rota-access";
import { createAccount } from "../../services/accounts/create-account";
import { issueResetLink } from "../../services/accounts/issue-reset-link";
import { listAccounts } from "../../services/accounts/list-accounts";
import { listSignInLocks } from "../../services/accounts/list-sign-in-locks";
import { resetSecondFactors } from "../../services/accounts/reset-second-factors";
import { setAccountActive } from "../../services/accounts/set-account-active";
import { unlockSignIn } from "../../services/accounts/unlock-sign-in";
import { updateAccount } from "../../services/accounts/update-account";
import { roleProcedure, router } from "../init";
import { accountDeps } from "./account-deps";

const admin = roleProcedure(...SETTINGS_EDITORS);
const userId = z.object({ userId: z.uuid() });

export const accountsRouter = router({
  list: admin.query(({ ctx }) => listAccounts({ db: ctx.db, actor: ctx.actor })),
  create: admin.input(createAccountSchema).mutation(({ ctx, input }) => createAccount(accountDeps(ctx), input)),
  update: admin.input(updateAccountSchema).mutation(({ ctx, input }) => updateAccount(accountDeps(ctx), input)),
  setActive: admin.input(userId.extend({ active: z.boolean() })).mutation(({ ctx, input }) => setAccountActive(accountDeps(ctx), input)),
  issueLink: admin.input(userId).mutation(({ ctx, input }) => issueResetLink(accountDeps(ctx), input)),
  resetSecondFactors: admin.input(userId).mutation(({ ctx, input }) => resetSecondFactors(accountDeps(ctx), input)),
  signInLocks: admin.query(({ ctx }) => listSignInLocks({ db: ctx.db, actor: ctx.actor })),
  unlockSignIn: admin
    .input(z.object({ scope: z.enum(["ACCOUNT", "ADDRESS"]), key: z.string().min(1).max(254) }))
    .mutation(({ ctx, input }) => unlockSignIn({ db: ctx.db, actor: ctx.actor, scope: input.scope, key: input.key })),
});
