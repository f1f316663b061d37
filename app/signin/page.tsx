import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/domain/session-expiry";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-territory";
import { getTranslator } from "@/lib/i18n/server-locale";
import { currentActor } from "@/lib/server/auth/current-actor";
import { homePath } from "@/lib/server/auth/require-actor";
import { isDemoMode } from "@/lib/server/env";
import { SignInForm } from "@/lib/ui/signin/sign-in-form";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  // Back where the session ended (a form kept in the tab), never to another site.
  const back = typeof callbackUrl === "string" ? safeCallbackPath(callbackUrl) : null;
  const actor = await currentActor();
  if (actor) redirect(back && back !== "/" ? back : homePath(actor));
  const { t } = await getTranslator();
  // Demo passwords are shown only in demo mode (embedded database with demo data).
  const demo = isDemoMode()
    ? { password: DEMO_PASSWORD, accounts: DEMO_USERS.map((u) => ({ email: u.email, name: u.displayName, role: u.role })) }
    : null;
  return (
    <div className="signin">
      <h1>{t("signin.title")}</h1>
      <p className="muted">{t("app.tagline")}</p>
      <SignInForm demo={demo} callbackPath={back} />
    </div>
  );
}
