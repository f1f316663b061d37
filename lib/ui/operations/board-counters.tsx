"use client";

import type { BoardCounters as Counters } from "@/lib/domain/operations/board-view";
import { useI18n } from "@/lib/i18n/i18n-provider";

const COUNTERS = [
  { name: "open", testId: "ops-open-total" },
  { name: "atRisk", testId: "ops-at-risk-total" },
  { name: "late", testId: "ops-late-total" },
  { name: "unassigned", testId: "ops-unassigned-total" },
  { name: "escalated", testId: "ops-escalated-total" },
] as const;

/** The five figures at the top: what needs the head's eye first (as the dashboard's volumes). */
export function BoardCounters({ counters }: { counters: Counters }) {
  const { t, locale } = useI18n();
  return (
    <dl className="dash-totals">
      {COUNTERS.map(({ name, testId }) => {
        const alert = (name === "late" || name === "escalated") && counters[name] > 0;
        return (
          <div key={name} className={alert ? "dash-total ops-alert" : "dash-total"}>
            <dt>{t(`operations.counters.${name}`)}</dt>
            <dd data-testid={testId}>{counters[name].toLocaleString(locale)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
