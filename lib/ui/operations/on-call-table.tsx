"use client";

import type { OnCallRadiologist, RadiologistLoad } from "@/lib/domain/operations/board-view";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { LocalDateTime } from "../local-date-time";
import { CsvLink } from "./csv-link";

/** Who is on call now and what they hold; then who holds requests while off call (shift change). */
export function OnCallTable({ onCall, offCallHolders }: { onCall: OnCallRadiologist[]; offCallHolders: RadiologistLoad[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="ops-on-call-title">
      <h2 id="ops-on-call-title">{t("operations.onCall.title")}</h2>
      <p>
        <CsvLink table="operations-on-call" />
      </p>
      {onCall.length === 0 ? (
        <p className="panel muted">{t("operations.onCall.empty")}</p>
      ) : (
        <table className="worklist" data-testid="ops-on-call">
          <thead>
            <tr>
              <th>{t("operations.onCall.radiologist")}</th>
              <th>{t("operations.onCall.shifts")}</th>
              <th>{t("operations.onCall.held")}</th>
              <th>{t("operations.onCall.inReading")}</th>
            </tr>
          </thead>
          <tbody>
            {onCall.map((row) => (
              <tr key={row.radiologist.id} data-radiologist-id={row.radiologist.id}>
                <td>{row.radiologist.name}</td>
                <td>
                  {row.shifts.map((shift) => (
                    <div key={`${shift.role}-${shift.startsAt.getTime()}-${shift.siteCodes.join()}`}>
                      {t(`rota.role.${shift.role}`)} · {shift.siteCodes.join(", ")} · {t("operations.onCall.until")} <LocalDateTime date={shift.endsAt} part="time" />
                    </div>
                  ))}
                </td>
                <td data-testid="held">{row.held}</td>
                <td data-testid="in-reading">{row.inReading}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {offCallHolders.length > 0 && (
        <>
          <h3>{t("operations.onCall.offCallTitle")}</h3>
          <p className="muted">{t("operations.onCall.offCallHint")}</p>
          <table className="worklist" data-testid="ops-off-call">
            <thead>
              <tr>
                <th>{t("operations.onCall.radiologist")}</th>
                <th>{t("operations.onCall.held")}</th>
                <th>{t("operations.onCall.inReading")}</th>
              </tr>
            </thead>
            <tbody>
              {offCallHolders.map((row) => (
                <tr key={row.radiologist.id} data-radiologist-id={row.radiologist.id}>
                  <td>{row.radiologist.name}</td>
                  <td data-testid="held">{row.held}</td>
                  <td data-testid="in-reading">{row.inReading}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
