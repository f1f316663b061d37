"use client";

import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "@/lib/domain/dashboard/dashboard-schemas";
import { SEGMENTS, type Segment } from "@/lib/domain/dashboard/segments";
import { useI18n } from "@/lib/i18n/i18n-provider";

/**
 * What the breakdown groups by, and the segment the breakdown, the trend and the drill-downs
 * focus on. Per-radiologist figures are offered only when the server sent radiologists (it
 * alone decides who may see them).
 */
export function BreakdownControls(props: {
  dimension: BreakdownDimension;
  segment: Segment;
  showRadiologists: boolean;
  onDimension: (dimension: BreakdownDimension) => void;
  onSegment: (segment: Segment) => void;
}) {
  const { t } = useI18n();
  const dimensions = BREAKDOWN_DIMENSIONS.filter((dimension) => dimension !== "radiologist" || props.showRadiologists);
  return (
    <div className="filters">
      <div>
        <label htmlFor="dash-breakdown">{t("dashboard.breakdown.dimension")}</label>
        <select
          id="dash-breakdown"
          data-testid="dash-breakdown"
          value={props.dimension}
          onChange={(event) => {
            const next = dimensions.find((dimension) => dimension === event.target.value);
            if (next) props.onDimension(next);
          }}
        >
          {dimensions.map((dimension) => (
            <option key={dimension} value={dimension}>
              {t(`dashboard.breakdown.dimensions.${dimension}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="dash-segment">{t("dashboard.breakdown.segment")}</label>
        <select
          id="dash-segment"
          data-testid="dash-segment"
          value={props.segment}
          onChange={(event) => {
            const next = SEGMENTS.find((segment) => segment === event.target.value);
            if (next) props.onSegment(next);
          }}
        >
          {SEGMENTS.map((segment) => (
            <option key={segment} value={segment}>
              {t(`dashboard.segment.${segment}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
