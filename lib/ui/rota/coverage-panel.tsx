"use client";

import type { Gap, Overlap } from "@/lib/domain/rota/coverage";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { formatParis } from "./rota-format";

/** The overlaps and the coverage gaps of the period shown, in words. */
export function CoveragePanel(props: { gaps: Gap[]; overlaps: Overlap[]; siteCodes: ReadonlyMap<string, string>; names: ReadonlyMap<string, string> }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" data-testid="coverage-panel">
      <h2 style={{ fontSize: "1rem", marginTop: 0 }}>{t("rota.coverage.title")}</h2>
      {props.gaps.length === 0 ? (
        <p className="notice">{t("rota.coverage.allCovered")}</p>
      ) : (
        <>
          <strong>{t("rota.coverage.gaps")}</strong>
          <ul data-testid="coverage-gaps">
            {props.gaps.map((gap) => (
              <li key={`${gap.siteId}-${gap.from.toISOString()}`} style={{ color: "#991b1b" }}>
                {t("rota.coverage.gap", { site: props.siteCodes.get(gap.siteId) ?? "?", from: formatParis(gap.from, locale), to: formatParis(gap.to, locale) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {props.overlaps.length === 0 ? (
        <p className="muted">{t("rota.coverage.noOverlap")}</p>
      ) : (
        <>
          <strong>{t("rota.coverage.overlaps")}</strong>
          <ul data-testid="coverage-overlaps">
            {props.overlaps.map((overlap) => (
              <li key={overlap.shiftIds.join("-")} style={{ color: "#991b1b" }}>
                {t("rota.coverage.overlap", { name: props.names.get(overlap.radiologistId) ?? "?", from: formatParis(overlap.from, locale), to: formatParis(overlap.to, locale) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
