"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { activityReportHref, defaultReportMonth, monthProblem } from "@/lib/domain/activity-report/activity-report-link";
import { monthOfInstant } from "@/lib/domain/activity-report/activity-report-schema";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";

/**
 * The monthly activity report of a site or an inter-hospital agreement: a month, a scope, and
 * a plain download link (the server checks the role, validates, audits and names the file).
 */
export function ActivityReportForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const options = useQuery(trpc.dashboard.options.queryOptions());
  const [now] = useState(() => new Date());
  const [month, setMonth] = useState(() => defaultReportMonth(now));
  const [scope, setScope] = useState("");
  const problem = monthProblem(month, now);
  const href = problem ? null : activityReportHref(month, scope);

  return (
    <section className="panel" data-testid="activity-report-form">
      <h2>{t("activity.title")}</h2>
      <p className="muted activity-hint">{t("activity.hint")}</p>
      <div className="activity-fields">
        <div className="activity-month">
          <label htmlFor="activity-month">{t("activity.month")}</label>
          <input
            id="activity-month"
            type="month"
            value={month}
            max={monthOfInstant(now)}
            aria-invalid={problem !== null}
            onChange={(event) => setMonth(event.target.value)}
          />
        </div>
        <div className="activity-scope">
          <label htmlFor="activity-scope">{t("activity.scope")}</label>
          <select id="activity-scope" value={scope} onChange={(event) => setScope(event.target.value)} disabled={!options.data}>
            <option value="">{t("activity.choose")}</option>
            <optgroup label={t("activity.sites")}>
              {options.data?.sites.map((site) => (
                <option key={site.id} value={`site:${site.id}`}>
                  {site.code} — {site.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("activity.agreements")}>
              {options.data?.groups.map((group) => (
                // An agreement without a site has nothing to report (the server refuses it).
                <option key={group.id} value={`group:${group.id}`} disabled={group.siteIds.length === 0}>
                  {t("activity.agreementOption", { name: group.name, count: group.siteIds.length })}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        {href ? (
          <a className="button" href={href} data-testid="activity-report-download">
            {t("activity.download")}
          </a>
        ) : (
          <button type="button" disabled data-testid="activity-report-download">
            {t("activity.download")}
          </button>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {t(problem)}
        </p>
      )}
      {options.isError && (
        <p className="field-error" role="alert">
          {t("activity.loadFailed")}
        </p>
      )}
    </section>
  );
}
