"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { OidcProviderButton } from "./oidc-provider-button";
import { startOidcStepUp } from "./start-oidc-step-up";

/** Asks the signed-in user to authenticate again at the OpenID provider, then back to `returnTo`. */
export function StepUpPanel({ providerName, returnTo }: { providerName: string | null; returnTo: string }) {
  const { t } = useI18n();
  if (!providerName) {
    return (
      <p className="panel" data-testid="step-up-unavailable">
        {t("oidc.stepUp.unavailable")} <a href={returnTo}>{t("oidc.back")}</a>
      </p>
    );
  }
  return (
    <div className="panel">
      <p>{t("oidc.stepUp.explanation", { name: providerName })}</p>
      <p>
        <OidcProviderButton onStart={() => startOidcStepUp(returnTo)}>{t("oidc.stepUp.confirm", { name: providerName })}</OidcProviderButton>
      </p>
      <p>
        <a href={returnTo}>{t("oidc.back")}</a>
      </p>
    </div>
  );
}
