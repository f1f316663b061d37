"use client";

import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { startOidcStepUp } from "./start-oidc-step-up";

/** Asks the signed-in user to authenticate again at the OpenID provider, then back to `returnTo`. */
export function StepUpPanel({ providerName, returnTo }: { providerName: string | null; returnTo: string }) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
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
        <button
          type="button"
          className="oidc-button"
          disabled={pending}
          onClick={() => {
            setPending(true);
            void startOidcStepUp(returnTo);
          }}
        >
          {t("oidc.stepUp.confirm", { name: providerName })}
        </button>
      </p>
      <p>
        <a href={returnTo}>{t("oidc.back")}</a>
      </p>
    </div>
  );
}
