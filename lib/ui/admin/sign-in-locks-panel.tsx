"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";
import { SettingsMessage } from "./settings-message";
import { useSettingsFeedback } from "./use-settings-mutation";

/** Sign-ins blocked after too many wrong passwords, and the button that lifts each block. */
export function SignInLocksPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const locks = useQuery(trpc.accounts.signInLocks.queryOptions());
  const { message, callbacks } = useSettingsFeedback("accounts.locks.unlocked", trpc.accounts.signInLocks.queryKey());
  const unlock = useMutation(trpc.accounts.unlockSignIn.mutationOptions(callbacks));
  return (
    <section className="panel" data-testid="sign-in-locks">
      <h2>{t("accounts.locks.title")}</h2>
      <p className="muted">{t("accounts.locks.intro")}</p>
      {locks.data && locks.data.length === 0 && <p>{t("accounts.locks.none")}</p>}
      {locks.data && locks.data.length > 0 && (
        <table className="worklist">
          <thead>
            <tr>
              <th>{t("accounts.locks.who")}</th>
              <th>{t("accounts.locks.failures")}</th>
              <th>{t("accounts.locks.until")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {locks.data.map((lock) => (
              <tr key={`${lock.scope}:${lock.key}`} data-testid="sign-in-lock">
                <td>
                  {lock.scope === "ADDRESS" ? t("accounts.locks.address", { address: lock.key }) : (lock.displayName ?? lock.key)}
                  {lock.scope === "ACCOUNT" && lock.displayName && <div className="muted">{lock.key}</div>}
                </td>
                <td>{lock.failures}</td>
                <td>
                  <LocalDateTime date={lock.lockedUntil} />
                </td>
                <td>
                  <button type="button" className="secondary" disabled={unlock.isPending} onClick={() => unlock.mutate({ scope: lock.scope, key: lock.key })}>
                    {t("accounts.locks.unlock")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SettingsMessage message={message} testId="sign-in-locks-message" />
    </section>
  );
}
