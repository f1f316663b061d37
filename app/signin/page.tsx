import { redirect } from "next/navigation";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-territory";
import { getTranslator } from "@/lib/i18n/server-locale";
import { currentSession } from "@/lib/server/auth/current-actor";
import { homePath, SECURITY_PATH } from "@/lib/server/auth/require-actor";
import { isDemoMode } from "@/lib/server/env";
import { SignInForm } from "@/lib/ui/signin/sign-in-form";

export default async function SignInPage() {
  const session = await currentSession();
  if (session) redirect(session.reach === "FULL" ? homePath(session.actor) : SECURITY_PATH);
  const { t } = await getTranslator();
  // Demo passwords are shown only in demo mode (embedded database with demo data).
  const demo = isDemoMode()
    ? { password: DEMO_PASSWORD, accounts: DEMO_USERS.map((u) => ({ email: u.email, name: u.displayName, role: u.role })) }
    : null;
  return (
    <div className="signin">
      <h1>{t("signin.title")}</h1>
      <p className="muted">{t("app.tagline")}</p>
      <SignInForm demo={demo} />
    </div>
  );
}
