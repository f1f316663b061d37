"use client";

import { useSyncExternalStore } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { formatMeasurement, type Measurement } from "@/lib/viewer/measurements";
import { measurementsForReport, onReportMeasurementsChanged, sendMeasurementToReport } from "@/lib/viewer/report-bridge";

export function MeasurementsPanel({ requestId, measurements }: { requestId: string; measurements: Measurement[] }) {
  const { t, locale } = useI18n();
  const sent = useSyncExternalStore(onReportMeasurementsChanged, () => JSON.stringify(measurementsForReport(requestId).map((m) => m.id)), () => "[]");
  const sentIds = new Set(JSON.parse(sent) as string[]);
  const names = {
    length: t("viewer.valueNames.length"),
    angle: t("viewer.valueNames.angle"),
    mean: t("viewer.valueNames.mean"),
    stdDev: t("viewer.valueNames.stdDev"),
    area: t("viewer.valueNames.area"),
    value: t("viewer.valueNames.value"),
  };
  return (
    <section className="viewer-panel" aria-label={t("viewer.measurements")}>
      <h2>{t("viewer.measurements")}</h2>
      {measurements.length === 0 ? <p className="muted">{t("viewer.noMeasurements")}</p> : null}
      <ul className="measurements-list">
        {measurements.map((m) => {
          const text = formatMeasurement(m, names, locale);
          return (
            <li key={m.id} data-testid="measurement" data-kind={m.kind}>
              <span data-testid="measurement-text">{text}</span>
              <button type="button" className="secondary" disabled={sentIds.has(m.id)} data-testid="send-to-report" onClick={() => sendMeasurementToReport(requestId, m, text)}>
                {sentIds.has(m.id) ? t("viewer.sentToReport") : t("viewer.sendToReport")}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
