"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { instantToWallClock } from "@/lib/domain/rota/wall-clock";
import { formatCalendarDate } from "@/lib/domain/calendar-date";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { serverFieldErrors } from "@/lib/trpc/error-message";
import type { MessageKey } from "@/lib/i18n/types";
import { isExpiryPast } from "@/lib/domain/rota/privilege-expiry";
import { SettingsMessage } from "./settings-message";
import { useSettingsFeedback } from "./use-settings-mutation";
import { DateField } from "../date-field";

/** Which radiologist may read for which site, until when: a grid, and a form to add or change one. */
export function PrivilegesEditor() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const privileges = useQuery(trpc.settings.privileges.queryOptions());
  const { message, callbacks } = useSettingsFeedback("rota.admin.privileges.saved");
  const removed = useSettingsFeedback("rota.admin.privileges.removed");
  const save = useMutation(trpc.settings.setPrivilege.mutationOptions(callbacks));
  const remove = useMutation(trpc.settings.removePrivilege.mutationOptions(removed.callbacks));
  const [userId, setUserId] = useState("");
  const [siteId, setSiteId] = useState("");
  const [expiresOn, setExpiresOn] = useState("");

  // Warned before saving: a date already past would save a privilege that grants nothing.
  const expiryPast = expiresOn !== "" && isExpiryPast(expiresOn, new Date());
  const serverExpiryError = serverFieldErrors(save.error).expiresOn;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (userId && siteId && !expiryPast) save.mutate({ userId, siteId, expiresOn: expiresOn || null });
  }

  const data = privileges.data;
  return (
    <section className="panel" data-testid="privileges-editor">
      <h2>{t("rota.admin.privileges.title")}</h2>
      <p className="muted">{t("rota.admin.privileges.intro")}</p>
      {data && (
        <table className="worklist">
          <thead>
            <tr>
              <th>{t("rota.admin.privileges.radiologist")}</th>
              {data.sites.map((site) => (
                <th key={site.id} title={site.name}>
                  {site.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.radiologists.map((r) => (
              <tr key={r.id} data-testid="privilege-row">
                <td>{r.displayName}</td>
                {data.sites.map((site) => {
                  const privilege = r.privileges.find((p) => p.siteId === site.id);
                  return (
                    <td key={site.id} data-testid={`privilege-${site.code}`}>
                      {!privilege ? (
                        <span className="muted">—</span>
                      ) : (
                        <>
                          <span className={privilege.expired ? "form-error" : undefined}>
                            ✓ {privilege.expiresAt ? formatCalendarDate(instantToWallClock(privilege.expiresAt).date, locale) : t("rota.admin.privileges.noExpiry")}
                            {privilege.expired && ` (${t("rota.admin.privileges.expired")})`}
                          </span>{" "}
                          <button type="button" className="secondary" disabled={remove.isPending} onClick={() => remove.mutate({ userId: r.id, siteId: site.id })}>
                            {t("rota.admin.privileges.remove")}
                          </button>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={onSubmit} style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap", alignItems: "end", marginTop: "0.75rem" }}>
        <label>
          {t("rota.admin.privileges.radiologist")}{" "}
          <select id="privilege-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t("form.choose")}</option>
            {data?.radiologists.map((r) => (
              <option key={r.id} value={r.id}>
                {r.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("rota.admin.privileges.site")}{" "}
          <select id="privilege-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <option value="">{t("form.choose")}</option>
            {data?.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("rota.admin.privileges.expiresOn")}{" "}
          <DateField
            id="privilege-expires"
            value={expiresOn}
            invalid={expiryPast}
            describedBy={expiryPast || serverExpiryError ? "privilege-expires-error" : undefined}
            onChange={setExpiresOn}
          />
        </label>
        <button type="submit" disabled={save.isPending || !userId || !siteId || expiryPast}>
          {t("rota.admin.privileges.add")}
        </button>
      </form>
      {(expiryPast || serverExpiryError) && (
        <p id="privilege-expires-error" className="form-error" role="alert" data-testid="privilege-expires-error">
          {t(expiryPast ? "validation.expiryInPast" : (serverExpiryError as MessageKey))}
        </p>
      )}
      <SettingsMessage message={message ?? removed.message} testId="privileges-message" />
    </section>
  );
}
