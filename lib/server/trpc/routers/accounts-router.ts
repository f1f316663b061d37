import "server-only";
import { z } from "zod";
import { SETTINGS_EDITORS } from "@/lib/domain/rota/rota-access";
import { listSignInLocks } from "../../services/accounts/list-sign-in-locks";
import { unlockSignIn } from "../../services/accounts/unlock-sign-in";
import { roleProcedure, router } from "../init";

const admin = roleProcedure(...SETTINGS_EDITORS);

export const accountsRouter = router({
  signInLocks: admin.query(({ ctx }) => listSignInLocks({ db: ctx.db, actor: ctx.actor })),
  unlockSignIn: admin
    .input(z.object({ scope: z.enum(["ACCOUNT", "ADDRESS"]), key: z.string().min(1).max(254) }))
    .mutation(({ ctx, input }) => unlockSignIn({ db: ctx.db, actor: ctx.actor, scope: input.scope, key: input.key })),
});
