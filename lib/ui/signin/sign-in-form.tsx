"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import type { Role } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { signInErrorOf, type SignInError } from "./sign-in-error";

interface DemoAccounts {
  password: string;
  accounts: { email: string; name: string; role: Role }[];
}

export function SignInForm({ demo, callbackPath }: { demo: DemoAccounts | null; callbackPath: string | null }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<SignInError | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error || !result.ok) {
      setError(signInErrorOf(result?.error));
      setPending(false);
      return;
    }
    // A full navigation so that the layout renders with the new session; the path was checked
    // to be this site's by the page (safeCallbackPath).
    window.location.assign(callbackPath ?? "/");
  }

  return (
    <>
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
                  <td>{account.name}</td>
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
