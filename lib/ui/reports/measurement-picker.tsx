"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { useReportMeasurements } from "./use-report-measurements";

/** Measurements sent from the viewer, each insertable into the field the radiologist last focused. */
export function MeasurementPicker(props: { requestId: string; targetLabel: string | null; onInsert: (text: string) => void }) {
  const { t } = useI18n();
  const { measurements } = useReportMeasurements(props.requestId);
  if (measurements.length === 0) return <p className="muted" data-testid="report-measurements-none">{t("report.measurements.none")}</p>;
  return (
    <div data-testid="report-measurements">
      <p className="muted">{props.targetLabel ? t("report.measurements.target", { field: props.targetLabel }) : t("report.measurements.pickField")}</p>
      <ul>
        {measurements.map((m) => (
          <li key={m.id} data-measurement-id={m.measurementId}>
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
