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

/** The five figures at the top: what needs the head's eye first. */
export function BoardCounters({ counters }: { counters: Counters }) {
  const { t, locale } = useI18n();
  return (
    <dl className="grid">
      {COUNTERS.map(({ name, testId }) => (
        <div key={name} className={`panel${(name === "late" || name === "escalated") && counters[name] > 0 ? " warning" : ""}`}>
          <dt className="muted">{t(`operations.counters.${name}`)}</dt>
          <dd data-testid={testId}>
            <strong>{counters[name].toLocaleString(locale)}</strong>
          </dd>
        </div>
      ))}
    </dl>
  );
}
