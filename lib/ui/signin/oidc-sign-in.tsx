"use client";

import { signIn } from "next-auth/react";
import type { OidcRefusal } from "@/lib/domain/oidc/oidc-outcome";
import { OIDC_PROVIDER_ID } from "@/lib/domain/oidc/oidc-provider-id";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { OidcProviderButton } from "../auth/oidc-provider-button";

interface OidcSignInProps {
  /** The provider's name when one is configured; null shows no button. */
  providerName: string | null;
  refusal: OidcRefusal | null;
  returnTo: string | null;
  /** A signed-in user whose step-up was refused goes back to the page they were on. */
  backTo?: string | null;
  /** For the message when no button is shown. */
  refusalProviderName?: string;
}

/** The OpenID provider's button (when one is configured) and why the last attempt was refused. */
export function OidcSignIn({ providerName, refusal, returnTo, backTo = null, refusalProviderName }: OidcSignInProps) {
  const { t } = useI18n();
  const name = providerName ?? refusalProviderName ?? "OpenID";
  return (
    <>
      {refusal && (
        <p className="form-error panel signin-refusal" role="alert" data-testid="oidc-error" data-refusal={refusal}>
          {t(`oidc.refusals.${refusal}`, { name })}
          {backTo && (
            <>
              {" "}
              <a href={backTo}>{t("oidc.back")}</a>
            </>
          )}
        </p>
      )}
      {providerName && (
        <div className="signin-oidc">
          <OidcProviderButton onStart={() => signIn(OIDC_PROVIDER_ID, { callbackUrl: returnTo ?? "/" })}>{t("oidc.button", { name: providerName })}</OidcProviderButton>
          <p className="muted signin-or">{t("oidc.or")}</p>
        </div>
      )}
    </>
  );
}
