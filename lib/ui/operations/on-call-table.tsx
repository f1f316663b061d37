"use client";

import type { OnCallRadiologist, RadiologistLoad } from "@/lib/domain/operations/board-view";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { LocalMinute } from "../dashboard/local-minute";
import { CsvLink } from "./csv-link";

/**
 * Who is on call now and what they hold; then who holds requests while off call (shift
 * change). A shift's end reads as a time, with its day when it is not today ("now": the
 * board's clock).
 */
export function OnCallTable({ onCall, offCallHolders, now }: { onCall: OnCallRadiologist[]; offCallHolders: RadiologistLoad[]; now: number }) {
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
        <table className="worklist ops-table" data-testid="ops-on-call">
          <thead>
            <tr>
              <th>{t("operations.onCall.radiologist")}</th>
              <th>{t("operations.onCall.shifts")}</th>
              <th className="num">{t("operations.onCall.held")}</th>
              <th className="num">{t("operations.onCall.inReading")}</th>
            </tr>
          </thead>
          <tbody>
            {onCall.map((row) => (
              <tr key={row.radiologist.id} data-radiologist-id={row.radiologist.id}>
                <td>{row.radiologist.name}</td>
                <td>
                  {row.shifts.map((shift) => (
                    <div key={`${shift.role}-${shift.startsAt.getTime()}-${shift.siteCodes.join()}`}>
                      {t(`rota.role.${shift.role}`)} · {shift.siteCodes.join(", ")} · {t("operations.onCall.until")} <LocalMinute date={shift.endsAt} sameDayAs={now} />
                    </div>
                  ))}
                </td>
                <td data-testid="held" className="num">{row.held}</td>
                <td data-testid="in-reading" className="num">{row.inReading}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {offCallHolders.length > 0 && (
        <>
          <h3>{t("operations.onCall.offCallTitle")}</h3>
          <p className="muted">{t("operations.onCall.offCallHint")}</p>
          <table className="worklist ops-table" data-testid="ops-off-call">
            <thead>
              <tr>
                <th>{t("operations.onCall.radiologist")}</th>
                <th className="num">{t("operations.onCall.held")}</th>
                <th className="num">{t("operations.onCall.inReading")}</th>
              </tr>
            </thead>
            <tbody>
              {offCallHolders.map((row) => (
                <tr key={row.radiologist.id} data-radiologist-id={row.radiologist.id}>
                  <td>{row.radiologist.name}</td>
                  <td data-testid="held" className="num">{row.held}</td>
                  <td data-testid="in-reading" className="num">{row.inReading}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
