"use client";

import type { DashboardView } from "@/lib/domain/dashboard/dashboard-view";
import { useI18n } from "@/lib/i18n/i18n-provider";

const TOTALS = ["submitted", "open", "signed", "cancelled", "refused"] as const;

/** The period's volumes; "submitted" opens the list of every request of the period. */
export function DashboardTotals(props: { totals: DashboardView["totals"]; onDrillSubmitted: () => void }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="dash-totals-title">
      <h2 id="dash-totals-title">{t("dashboard.totals.title")}</h2>
      <dl className="dash-totals">
        {TOTALS.map((name) => {
          const value = props.totals[name].toLocaleString(locale);
          return (
            <div key={name} className="dash-total">
              <dt>{t(`dashboard.totals.${name}`)}</dt>
              <dd data-testid={`dash-total-${name}`}>
                {name === "submitted" ? (
                  <button type="button" className="dash-figure" onClick={props.onDrillSubmitted}>
                    {value}
                  </button>
                ) : (
                  value
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
