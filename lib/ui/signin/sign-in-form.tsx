"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import type { Role } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { OidcRefusal } from "@/lib/domain/oidc/oidc-outcome";
import { OidcSignIn } from "./oidc-sign-in";
import { SecondFactorStep } from "./second-factor-step";
import { secondFactorChallengeOf, signInErrorOf, type SecondFactorChallenge, type SignInError } from "./sign-in-error";

interface DemoAccounts {
  password: string;
  accounts: { email: string; name: string; role: Role; rpps: string | null }[];
}

interface SignInFormProps {
  demo: DemoAccounts | null;
  /** The OpenID provider's name when one is configured (Pro Santé Connect). */
  oidcProviderName: string | null;
  /** Why the last sign-in through the provider was refused. */
  oidcRefusal: OidcRefusal | null;
  /** Where to go once signed in (a path of this site, already checked). */
  returnTo: string | null;
}

export function SignInForm({ demo, oidcProviderName, oidcRefusal, returnTo }: SignInFormProps) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<SignInError | null>(null);
  const [pending, setPending] = useState(false);
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    const secondFactor = secondFactorChallengeOf(result?.error);
    if (secondFactor) {
      setPassword("");
      setChallenge(secondFactor);
      setPending(false);
      return;
    }
    if (!result || result.error || !result.ok) {
      setError(signInErrorOf(result?.error));
      setPending(false);
      return;
    }
    // A full navigation so that the layout renders with the new session.
    window.location.assign(returnTo ?? "/");
  }

  if (challenge) return <SecondFactorStep challenge={challenge} onRestart={() => setChallenge(null)} returnTo={returnTo} />;

  return (
    <>
      <OidcSignIn providerName={oidcProviderName} refusal={oidcRefusal} returnTo={returnTo} />
      <form className="panel" onSubmit={(event) => void submit(event)} noValidate>
        <div>
          <label htmlFor="email">{t("signin.email")}</label>
          <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div style={{ marginTop: "0.75rem" }}>
          <label htmlFor="password">{t("signin.password")}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="sign-in-error">
            {error.kind === "throttled"
              ? t("signin.throttled", { seconds: error.seconds })
              : error.kind === "locked"
                ? t("signin.locked", { minutes: error.minutes })
                : t("signin.failed")}
          </p>
        )}
        <p>
          <button type="submit" disabled={pending}>
            {t("signin.submit")}
          </button>
        </p>
      </form>
      {demo && (
        <section className="panel demo-accounts" data-testid="demo-accounts">
          <h2>{t("signin.demoTitle")}</h2>
          <p>{t("signin.demoPassword", { password: demo.password })}</p>
          <table>
            <tbody>
              {demo.accounts.map((account) => (
                <tr key={account.email}>
                  <td>{t(`roles.${account.role}`)}</td>
                  <td>
                    {account.name}
                    {account.rpps && <span className="muted demo-rpps"> RPPS {account.rpps}</span>}
                  </td>
                  <td>
                    <code>{account.email}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setEmail(account.email);
                        setPassword(demo.password);
                      }}
                    >
                      {t("signin.useAccount")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
