import { redirect } from "next/navigation";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-territory";
import { returnPathOf } from "@/lib/domain/return-path";
import { getTranslator } from "@/lib/i18n/server-locale";
import { publicOrigin } from "@/lib/server/auth/auth-options";
import { currentSession } from "@/lib/server/auth/current-actor";
import { oidcConfig } from "@/lib/server/auth/oidc/oidc-config";
import { homePath, SECURITY_PATH } from "@/lib/server/auth/require-actor";
import { isDemoMode } from "@/lib/server/env";
import { oidcPageError } from "@/lib/ui/signin/oidc-page-error";
import { OidcSignIn } from "@/lib/ui/signin/oidc-sign-in";
import { SignInForm } from "@/lib/ui/signin/sign-in-form";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const refusal = oidcPageError(typeof query.error === "string" ? query.error : null);
  const returnTo = returnPathOf(typeof query.callbackUrl === "string" ? query.callbackUrl : null, publicOrigin());
  const session = await currentSession();
  const actor = session?.actor ?? null;
  // A session that must enrol a second factor first goes to the enrolment page.
  if (session && session.reach !== "FULL") redirect(SECURITY_PATH);
  // A signed-in user lands here only when a step-up was refused: the page says why and links back.
  if (actor && !refusal) redirect(returnTo ?? homePath(actor));
  const { t } = await getTranslator();
  const providerName = oidcConfig()?.displayName ?? null;
  if (actor) {
    return (
      <div className="signin">
        <h1>{t("oidc.stepUp.title")}</h1>
        <OidcSignIn providerName={null} refusalProviderName={providerName ?? undefined} refusal={refusal} returnTo={null} backTo={returnTo ?? homePath(actor)} />
      </div>
    );
  }
  // Demo passwords are shown only in demo mode (embedded database with demo data).
  const demo = isDemoMode()
    ? { password: DEMO_PASSWORD, accounts: DEMO_USERS.map((u) => ({ email: u.email, name: u.displayName, role: u.role, rpps: u.rpps ?? null })) }
    : null;
  return (
    <div className="signin">
      <h1>{t("signin.title")}</h1>
      <p className="muted">{t("app.tagline")}</p>
      <SignInForm demo={demo} oidcProviderName={providerName} oidcRefusal={refusal} returnTo={returnTo} />
    </div>
  );
}
