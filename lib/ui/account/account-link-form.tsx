"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const noSubscription = () => () => undefined;

/**
 * The page a one-time link opens: the token is in the URL's fragment (never sent to a server's
 * logs), read here and sent in the request body only. The form asks for the password twice,
 * and for the first administrator's name and e-mail.
 */
export function AccountLinkForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  // null while rendered on the server, which never sees the fragment.
  const hash = useSyncExternalStore<string | null>(noSubscription, () => window.location.hash.slice(1), () => null);
  const token = hash !== null && TOKEN.test(hash) ? hash : null;
  const described = useQuery({ ...trpc.myAccount.describeLink.queryOptions({ token: token ?? "" }), enabled: token !== null, retry: false });
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const redeem = useMutation(trpc.myAccount.redeemLink.mutationOptions({ onError: (failure) => setError(errorMessage(failure, t)) }));

  if (redeem.isSuccess) {
    return (
      <div className="panel" role="status" data-testid="link-done">
        <p className="notice">{t("account.link.done")}</p>
        <Link className="button-like" href="/signin">
          {t("account.link.toSignIn")}
        </Link>
      </div>
    );
  }
  if (hash === null) return <p className="muted">{t("account.link.checking")}</p>;
  if (token === null || described.data?.usable === false || described.isError) {
    return (
      <p className="form-error" role="alert" data-testid="link-invalid">
        {t("account.link.invalid")}
      </p>
    );
  }
  if (!described.data) return <p className="muted">{t("account.link.checking")}</p>;

  const link = described.data;
  const firstAdmin = link.purpose === "FIRST_ADMIN";
  function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      setError(t("account.mine.mismatch"));
      return;
    }
    setError(null);
    redeem.mutate({ token: token ?? "", password, ...(firstAdmin ? { email, displayName } : {}) });
  }

  return (
    <form className="panel stacked-form" onSubmit={submit} data-testid="link-form">
      <h1>{t(firstAdmin ? "account.link.firstAdminTitle" : link.purpose === "RESET" ? "account.link.resetTitle" : "account.link.activationTitle")}</h1>
      <p>{firstAdmin ? t("account.link.firstAdminIntro") : t("account.link.greeting", { name: link.displayName ?? "", email: link.email ?? "" })}</p>
      {firstAdmin && (
        <>
          <label>
            {t("account.link.name")}
            <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={200} />
          </label>
          <label>
            {t("account.link.email")}
            <input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={254} />
          </label>
        </>
      )}
      {!firstAdmin && <input type="hidden" name="username" autoComplete="username" value={link.email ?? ""} readOnly />}
      <p className="muted">{t("account.link.rules")}</p>
      <label>
        {t("account.link.password")}
        <input type="password" name="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={12} />
      </label>
      <label>
        {t("account.link.confirm")}
        <input type="password" name="confirmPassword" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required />
      </label>
      <div>
        <button type="submit" disabled={redeem.isPending || !password}>
          {t("account.link.submit")}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="link-error">
          {error}
        </p>
      )}
    </form>
  );
}
