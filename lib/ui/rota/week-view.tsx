"use client";

import type { Gap } from "@/lib/domain/rota/coverage";
import { crossesDay, endLabelOn, startLabelOn } from "@/lib/domain/rota/calendar";
import type { LocalDate } from "@/lib/domain/rota/wall-clock";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { ShiftDto } from "@/lib/server/services/rota/shift-dto";
import { colourOf, formatDay } from "./rota-format";

export interface CalendarProps {
  days: LocalDate[];
  shifts: ShiftDto[];
  gaps: Gap[];
  overlapIds: ReadonlySet<string>;
  radiologistIds: string[];
  siteCodes: ReadonlyMap<string, string>;
  today: LocalDate;
  onSelect?: (shift: ShiftDto) => void;
}

/** Seven day columns; each lists the shifts and the coverage gaps crossing that day. */
export function WeekView(props: CalendarProps) {
  const { t, locale } = useI18n();
  return (
    <div data-testid="rota-week" style={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", gap: "0.4rem" }}>
      {props.days.map((day) => (
        <section key={day} data-testid="rota-day" data-day={day} className="panel" style={{ padding: "0.5rem", minHeight: "12rem", outline: day === props.today ? "2px solid var(--accent)" : undefined }}>
          <h3 style={{ fontSize: "0.9rem", margin: "0 0 0.4rem" }}>{formatDay(day, locale)}</h3>
          {props.shifts
            .filter((shift) => crossesDay(shift, day))
            .map((shift) => (
              <ShiftBlock key={shift.id} shift={shift} day={day} {...props} />
            ))}
          {props.gaps
            .filter((gap) => crossesDay({ startsAt: gap.from, endsAt: gap.to }, day))
            .map((gap) => (
              <div
                key={`${gap.siteId}-${gap.from.toISOString()}`}
                data-testid="coverage-gap"
                style={{ background: "#fee2e2", color: "#991b1b", borderRadius: 6, padding: "0.2rem 0.4rem", margin: "0.25rem 0", fontSize: "0.78rem" }}
              >
                {startLabelOn({ startsAt: gap.from }, day)}–{endLabelOn({ endsAt: gap.to }, day)} · {t("rota.coverage.gapShort", { site: props.siteCodes.get(gap.siteId) ?? "?" })}
              </div>
            ))}
        </section>
      ))}
    </div>
  );
}

function ShiftBlock(props: CalendarProps & { shift: ShiftDto; day: LocalDate }) {
  const { t } = useI18n();
  const { shift, day } = props;
  const colour = colourOf(shift.radiologistId, props.radiologistIds);
  const overlapping = props.overlapIds.has(shift.id);
  const content = (
    <>
      <strong>
        {startLabelOn(shift, day)}–{endLabelOn(shift, day)}
      </strong>{" "}
      {shift.radiologistName}
      <br />
      <span style={{ fontSize: "0.75rem" }}>
        {t(`rota.role.${shift.role}`)} · {shift.sites.map((site) => site.code).join(", ")}
        {shift.subspecialties.length > 0 && ` · ${shift.subspecialties.map((s) => t(`subspecialty.${s}`)).join(", ")}`}
        {shift.seriesId && " ↻"}
      </span>
    </>
  );
  const style = {
    display: "block",
    width: "100%",
    textAlign: "left" as const,
    margin: "0.25rem 0",
    padding: "0.25rem 0.4rem",
    fontSize: "0.8rem",
    color: "#111827",
    background: `${colour}1a`,
    border: `2px ${shift.role === "BACKUP" ? "dashed" : "solid"} ${overlapping ? "#dc2626" : colour}`,
    borderRadius: 6,
  };
  const data = { "data-testid": "shift-block", "data-shift-id": shift.id, "data-overlap": overlapping ? "true" : "false" };
  return props.onSelect ? (
    <button type="button" {...data} style={style} onClick={() => props.onSelect?.(shift)}>
      {content}
    </button>
  ) : (
    <div {...data} style={style}>
      {content}
    </div>
  );
}
