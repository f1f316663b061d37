import "server-only";
import type { Actor } from "@/lib/domain/access";
import { getEnv } from "../../env";
import type { Db } from "../../db/client";
import { createMailer } from "../../mail/mailer";
import type { AccountAdminDeps } from "../../services/accounts/account-admin-deps";

/** The account use cases' dependencies for a request: the mailer and the product's address from the environment. */
export function accountDeps(ctx: { db: Db; actor: Actor }): AccountAdminDeps {
  const env = getEnv();
  return {
    db: ctx.db,
    actor: ctx.actor,
    mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    baseUrl: process.env.NEXTAUTH_URL ?? `http://${env.HOST}:${env.PORT}`,
  };
}
