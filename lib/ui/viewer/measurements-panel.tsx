"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { formatMeasurement, type Measurement } from "@/lib/viewer/measurements";
import { useSendToReport } from "./use-send-to-report";

export function MeasurementsPanel({ requestId, measurements }: { requestId: string; measurements: Measurement[] }) {
  const { t, locale } = useI18n();
  const { send, stateOf } = useSendToReport(requestId);
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
          const state = stateOf(m.id);
          return (
            <li key={m.id} data-testid="measurement" data-kind={m.kind}>
              <span data-testid="measurement-text">{text}</span>
              <button type="button" className="secondary" disabled={state.kind === "sending" || state.kind === "sent"} data-testid="send-to-report" data-state={state.kind} onClick={() => void send(m, text)}>
                {state.kind === "sent" ? t("viewer.sentToReport") : state.kind === "sending" ? t("viewer.sendingToReport") : t("viewer.sendToReport")}
              </button>
              {state.kind === "failed" && (
                <span className="action-error" role="alert" data-testid="send-to-report-error">
                  {errorMessage(state.error, t)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
