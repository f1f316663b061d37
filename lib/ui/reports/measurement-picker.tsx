"use client";

import { useSyncExternalStore } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { measurementsForReport, onReportMeasurementsChanged, type ReportMeasurement } from "@/lib/viewer/report-bridge";

/** Measurements sent from the viewer, each insertable into the field the radiologist last focused. */
export function MeasurementPicker(props: { requestId: string; targetLabel: string | null; onInsert: (text: string) => void }) {
  const { t } = useI18n();
  const raw = useSyncExternalStore(onReportMeasurementsChanged, () => JSON.stringify(measurementsForReport(props.requestId)), () => "[]");
  const measurements = JSON.parse(raw) as ReportMeasurement[];
  if (measurements.length === 0) return <p className="muted">{t("report.measurements.none")}</p>;
  return (
    <div data-testid="report-measurements">
      <p className="muted">{props.targetLabel ? t("report.measurements.target", { field: props.targetLabel }) : t("report.measurements.pickField")}</p>
      <ul>
        {measurements.map((m) => (
          <li key={m.id}>
            {m.text}{" "}
            <button type="button" className="secondary" disabled={!props.targetLabel} onClick={() => props.onInsert(m.text)}>
              {t("report.measurements.insert")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
