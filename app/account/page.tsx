import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { ChangePasswordForm } from "@/lib/ui/account/change-password-form";
import { OwnSessions } from "@/lib/ui/account/own-sessions";
import { LanguagePreference } from "@/lib/ui/account/language-preference";

// Every signed-in user: who they are, their password, their open sessions.
export default async function MyAccountPage() {
  const actor = await requireActor();
  const { t } = await getTranslator();
  return (
    <div className="narrow-page">
      <h1>{t("account.mine.title")}</h1>
      <section className="panel" data-testid="account-identity">
        <h2>{t("account.mine.identity")}</h2>
        <p>
          <strong>{actor.displayName}</strong> · {t(`roles.${actor.role}`)}
        </p>
        <p>
          <Link href="/account/security">{t("account.mine.securityLink")}</Link>
        </p>
      </section>
      <LanguagePreference />
      <ChangePasswordForm />
      <OwnSessions />
    </div>
  );
}
