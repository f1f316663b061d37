"use client";

import type { DashboardView, DistributionBin } from "@/lib/domain/dashboard/dashboard-view";
import type { Segment } from "@/lib/domain/dashboard/segments";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { DistributionChart } from "./distribution-chart";

/** Six small distributions, one per segment; the focused segment's bars are darker. */
export function DistributionCharts(props: { view: DashboardView; onBin: (segment: Segment, bin: DistributionBin) => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="dash-distributions-title" data-testid="dash-chart-distributions">
      <h3 id="dash-distributions-title">{t("dashboard.charts.distributions")}</h3>
      <div className="dash-small-multiples">
        {props.view.distributions.map((distribution) => (
          <DistributionChart
            key={distribution.segment}
            segment={distribution.segment}
            bins={distribution.bins}
            focused={distribution.segment === props.view.trend.segment}
            onBin={props.onBin}
          />
        ))}
      </div>
    </section>
  );
}
