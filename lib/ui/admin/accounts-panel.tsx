"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage, serverFieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";
import { AccountForm, EMPTY_ACCOUNT, type AccountFields } from "./account-form";
import { IssuedLinkNotice, type IssuedLinkView } from "./issued-link-notice";
import { SettingsMessage } from "./settings-message";

type Feedback = { kind: "notice" | "error"; text: string } | null;

/** Every account: create one (a one-time link comes back), edit, deactivate, hand out a new link. */
export function AccountsPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const sites = useQuery(trpc.settings.sites.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [issued, setIssued] = useState<IssuedLinkView | null>(null);
  const [formKey, setFormKey] = useState(0);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
  const failed = (error: unknown) => {
    setFieldErrors(serverFieldErrors(error));
    setFeedback({ kind: "error", text: errorMessage(error, t) });
  };
  const start = () => {
    setFeedback(null);
    setFieldErrors({});
  };

  const create = useMutation(
    trpc.accounts.create.mutationOptions({
      onMutate: start,
      onSuccess: (result, input) => {
        setFeedback({ kind: "notice", text: t("account.admin.created") });
        setIssued({ name: input.displayName, email: input.email, url: result.link.url, expiresAt: result.link.expiresAt, mailed: result.mailed });
        setCreating(false);
        setFormKey((key) => key + 1);
      },
      onError: failed,
      onSettled: refresh,
    }),
  );
  const update = useMutation(
    trpc.accounts.update.mutationOptions({
      onMutate: start,
      onSuccess: (result) => {
        setFeedback({ kind: "notice", text: result.sessionsEnded > 0 ? t("account.admin.savedSessionsEnded", { count: String(result.sessionsEnded) }) : t("account.admin.saved") });
        setEditing(null);
      },
      onError: failed,
      onSettled: refresh,
    }),
  );
  const setActive = useMutation(
    trpc.accounts.setActive.mutationOptions({
      onMutate: start,
      onSuccess: (result) => setFeedback({ kind: "notice", text: result.active ? t("account.admin.reactivated") : t("account.admin.deactivated", { count: String(result.sessionsEnded) }) }),
      onError: failed,
      onSettled: refresh,
    }),
  );
  const resetFactors = useMutation(
    trpc.accounts.resetSecondFactors.mutationOptions({
      onMutate: start,
      onSuccess: (result) => setFeedback({ kind: "notice", text: t("account.admin.factorsReset", { count: String(result.sessionsEnded) }) }),
      onError: failed,
      onSettled: refresh,
    }),
  );
  const issueLink = useMutation(
    trpc.accounts.issueLink.mutationOptions({
      onMutate: start,
      onError: failed,
      onSettled: refresh,
    }),
  );

  const siteList = sites.data?.sites ?? [];
  const toInput = (fields: AccountFields) => ({ ...fields, siteId: fields.siteId || null, rpps: fields.rpps || null });

  return (
    <section className="panel" data-testid="accounts-panel">
      <h2>{t("account.admin.title")}</h2>
      <p className="muted">{t("account.admin.intro")}</p>
      {issued && <IssuedLinkNotice link={issued} onClose={() => setIssued(null)} />}
      <SettingsMessage message={feedback} testId="accounts-message" />
      {creating ? (
        <div className="panel">
          <h3>{t("account.admin.createTitle")}</h3>
          <AccountForm
            key={formKey}
            initial={EMPTY_ACCOUNT}
            sites={siteList}
            fieldErrors={fieldErrors}
            submitLabel={t("account.admin.create")}
            pending={create.isPending}
            onSubmit={(fields) => create.mutate(toInput(fields))}
            onCancel={() => setCreating(false)}
            testId="account-create-form"
          />
        </div>
      ) : (
        <button type="button" onClick={() => { setCreating(true); setEditing(null); start(); }} data-testid="account-new">
          {t("account.admin.createTitle")}
        </button>
      )}
      <div className="table-scroll">
        <table className="worklist accounts-table">
          <thead>
            <tr>
              <th>{t("account.admin.name")}</th>
              <th>{t("account.admin.role")}</th>
              <th>{t("account.admin.site")}</th>
              <th>{t("account.admin.state")}</th>
              <th>{t("account.admin.lastSignIn")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.data?.map((account) =>
              editing === account.id ? (
                <tr key={account.id} data-testid="account-row-editing">
                  <td colSpan={6}>
                    <AccountForm
                      initial={{ email: account.email, displayName: account.displayName, role: account.role, siteId: account.siteId ?? "", rpps: account.rpps ?? "" }}
                      sites={siteList}
                      fieldErrors={fieldErrors}
                      submitLabel={t("account.admin.save")}
                      pending={update.isPending}
                      onSubmit={(fields) => update.mutate({ userId: account.id, ...toInput(fields) })}
                      onCancel={() => setEditing(null)}
                      testId="account-edit-form"
                    />
                  </td>
                </tr>
              ) : (
                <tr key={account.id} data-testid="account-row" data-email={account.email} className={account.active ? undefined : "muted"}>
                  <td>
                    {account.displayName}
                    <div className="muted">{account.email}</div>
                    {account.rpps && <div className="muted">RPPS {account.rpps}</div>}
                  </td>
                  <td>{t(`roles.${account.role}`)}</td>
                  <td>{account.siteCode ?? t("account.admin.noSite")}</td>
                  <td data-testid="account-state">
                    {account.interfaceAccount ? t("ris.interfaceAccount") : !account.active ? t("account.admin.inactive") : account.passwordSet ? t("account.admin.active") : t("account.admin.pending")}
                    {account.liveSessions > 0 && <div className="muted">{t("account.admin.liveSessions", { count: String(account.liveSessions) })}</div>}
                    {(account.factors.totp || account.factors.passkeys > 0) && (
                      <div className="muted" data-testid="account-factors">
                        {t("account.admin.factorsSummary", { totp: account.factors.totp ? t("account.admin.yes") : t("account.admin.no"), passkeys: String(account.factors.passkeys) })}
                      </div>
                    )}
                  </td>
                  <td>{account.lastSignInAt ? <LocalDateTime date={account.lastSignInAt} /> : t("account.admin.never")}</td>
                  <td className="account-actions">
                    {/* A RIS interface's account is managed with its interface (RIS interfaces, below). */}
                    {!account.interfaceAccount && (
                    <>
                    <button type="button" className="secondary" onClick={() => { setEditing(account.id); setCreating(false); start(); }}>
                      {t("account.admin.edit")}
                    </button>
                    {account.active && (
                      <button
                        type="button"
                        className="secondary"
                        disabled={issueLink.isPending}
                        onClick={() =>
                          issueLink.mutate(
                            { userId: account.id },
                            { onSuccess: (result) => setIssued({ name: account.displayName, email: account.email, url: result.link.url, expiresAt: result.link.expiresAt, mailed: result.mailed }) },
                          )
                        }
                      >
                        {t("account.admin.newLink")}
                      </button>
                    )}
                    {(account.factors.totp || account.factors.passkeys > 0) && (
                      <button
                        type="button"
                        className="secondary"
                        disabled={resetFactors.isPending}
                        onClick={() => {
                          if (window.confirm(t("account.admin.confirmResetFactors", { name: account.displayName }))) resetFactors.mutate({ userId: account.id });
                        }}
                      >
                        {t("account.admin.resetFactors")}
                      </button>
                    )}
                    <button
                      type="button"
                      className="secondary"
                      disabled={setActive.isPending}
                      onClick={() => {
                        if (account.active && !window.confirm(t("account.admin.confirmDeactivate", { name: account.displayName }))) return;
                        setActive.mutate({ userId: account.id, active: !account.active });
                      }}
                    >
                      {account.active ? t("account.admin.deactivate") : t("account.admin.reactivate")}
                    </button>
                    </>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
