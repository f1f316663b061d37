"use client";

import { crossesDay } from "@/lib/domain/rota/calendar";
import { instantToWallClock } from "@/lib/domain/rota/wall-clock";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { colourOf } from "./rota-format";
import type { CalendarProps } from "./week-view";

/** Whole weeks of the month: a chip per shift starting or running that day, a mark for gaps. */
export function MonthView(props: CalendarProps & { month: string }) {
  const { t } = useI18n();
  const weekdays = ["1", "2", "3", "4", "5", "6", "0"] as const;
  return (
    <div data-testid="rota-month" style={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", gap: "0.3rem" }}>
      {weekdays.map((day) => (
        <strong key={day} style={{ fontSize: "0.8rem", textAlign: "center" }}>
          {t(`rota.weekday.${day}`)}
        </strong>
      ))}
      {props.days.map((day) => {
        const shifts = props.shifts.filter((shift) => crossesDay(shift, day));
        const gaps = props.gaps.filter((gap) => crossesDay({ startsAt: gap.from, endsAt: gap.to }, day));
        const sites = [...new Set(gaps.map((gap) => props.siteCodes.get(gap.siteId) ?? "?"))];
        return (
          <section
            key={day}
            data-testid="rota-day"
            data-day={day}
            className="panel"
            style={{ padding: "0.3rem", minHeight: "5.5rem", opacity: day.startsWith(props.month) ? 1 : 0.55, outline: day === props.today ? "2px solid var(--accent)" : undefined }}
          >
            <div style={{ fontSize: "0.8rem", fontWeight: 600 }}>{Number(day.slice(8))}</div>
            {shifts.map((shift) => {
              const colour = colourOf(shift.radiologistId, props.radiologistIds);
              const overlapping = props.overlapIds.has(shift.id);
              const starts = instantToWallClock(shift.startsAt);
              return (
                <button
                  type="button"
                  key={shift.id}
                  data-testid="shift-block"
                  data-shift-id={shift.id}
                  data-overlap={overlapping ? "true" : "false"}
                  disabled={!props.onSelect}
                  onClick={() => props.onSelect?.(shift)}
                  title={`${shift.radiologistName} · ${t(`rota.role.${shift.role}`)} · ${shift.sites.map((s) => s.code).join(", ")}`}
                  style={{
                    display: "block",
                    width: "100%",
                    textAlign: "left",
                    margin: "0.15rem 0",
                    padding: "0 0.25rem",
                    fontSize: "0.72rem",
                    color: "#111827",
                    background: `${colour}22`,
                    border: `1px ${shift.role === "BACKUP" ? "dashed" : "solid"} ${overlapping ? "#dc2626" : colour}`,
                    borderRadius: 4,
                    opacity: 1,
                    cursor: props.onSelect ? "pointer" : "default",
                  }}
                >
                  {starts.date === day ? starts.time : "…"} {shift.radiologistName}
                </button>
              );
            })}
            {sites.length > 0 && (
              <div data-testid="coverage-gap" style={{ background: "#fee2e2", color: "#991b1b", borderRadius: 4, fontSize: "0.7rem", padding: "0 0.25rem" }}>
                {t("rota.coverage.gapShort", { site: sites.join(", ") })}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
