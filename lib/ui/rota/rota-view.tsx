"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { calendarDays, calendarWindow, shiftAnchor, type CalendarMode } from "@/lib/domain/rota/calendar";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { ShiftDto } from "@/lib/server/services/rota/shift-dto";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { CoveragePanel } from "./coverage-panel";
import { MonthView } from "./month-view";
import { formatDay, formatMonth } from "./rota-format";
import { RotaLegend } from "./rota-legend";
import { ShiftForm } from "./shift-form";
import { WeekView } from "./week-view";

/** The week/month calendar of the rota, its coverage, and (for editors) the shift form. */
export function RotaView(props: { today: string; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [mode, setMode] = useState<CalendarMode>("week");
  const [anchor, setAnchor] = useState(props.today);
  const [editing, setEditing] = useState<ShiftDto | null>(null);
  const days = useMemo(() => calendarDays(mode, anchor), [mode, anchor]);
  const range = useMemo(() => calendarWindow(days), [days]);
  const rota = useQuery(trpc.rota.list.queryOptions(range));
  const options = useQuery(trpc.rota.options.queryOptions());

  const radiologists = useMemo(() => options.data?.radiologists ?? [], [options.data]);
  const radiologistIds = useMemo(() => radiologists.map((r) => r.id), [radiologists]);
  const names = useMemo(() => new Map(rota.data?.shifts.map((s) => [s.radiologistId, s.radiologistName])), [rota.data]);
  const siteCodes = useMemo(() => new Map(options.data?.sites.map((s) => [s.id, s.code])), [options.data]);
  const overlapIds = useMemo(() => new Set(rota.data?.overlaps.flatMap((o) => o.shiftIds)), [rota.data]);

  function onDone(firstDay: string | null) {
    setEditing(null);
    if (firstDay) setAnchor(firstDay);
  }

  const calendar = rota.data && {
    days,
    shifts: rota.data.shifts,
    gaps: rota.data.gaps,
    overlapIds,
    radiologistIds,
    siteCodes,
    today: props.today,
    onSelect: props.canEdit ? setEditing : undefined,
  };

  return (
    <div style={{ display: "grid", gap: "1rem" }}>
      <div style={{ display: "flex", gap: "0.5rem", alignItems: "center", flexWrap: "wrap" }}>
        <div role="group" aria-label={t("rota.title")}>
          {(["week", "month"] as const).map((value) => (
            <button key={value} type="button" className={mode === value ? undefined : "secondary"} aria-pressed={mode === value} data-testid={`rota-mode-${value}`} onClick={() => setMode(value)}>
              {t(`rota.view.${value}`)}
            </button>
          ))}
        </div>
        <button type="button" className="secondary" data-testid="rota-previous" onClick={() => setAnchor(shiftAnchor(mode, anchor, -1))}>
          {t("rota.view.previous")}
        </button>
        <button type="button" className="secondary" onClick={() => setAnchor(props.today)}>
          {t("rota.view.today")}
        </button>
        <button type="button" className="secondary" data-testid="rota-next" onClick={() => setAnchor(shiftAnchor(mode, anchor, 1))}>
          {t("rota.view.next")}
        </button>
        <strong data-testid="rota-period">
          {mode === "week" ? t("rota.view.weekOf", { date: formatDay(days[0]!, locale) }) : formatMonth(anchor, locale)}
        </strong>
      </div>
      {!props.canEdit && <p className="muted">{t("rota.readOnly")}</p>}
      {rota.error && <p className="form-error">{errorMessage(rota.error, t)}</p>}
      {!calendar && !rota.error && <p className="muted">{t("app.loading")}</p>}
      {calendar && (mode === "week" ? <WeekView {...calendar} /> : <MonthView {...calendar} month={anchor.slice(0, 7)} />)}
      {props.canEdit && calendar && <p className="muted">{t("rota.form.editHint")}</p>}
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))", gap: "1rem", alignItems: "start" }}>
        {props.canEdit && options.data && (
          <ShiftForm key={editing?.id ?? "new"} options={options.data} today={props.today} editing={editing} onDone={onDone} />
        )}
        {rota.data && <CoveragePanel gaps={rota.data.gaps} overlaps={rota.data.overlaps} siteCodes={siteCodes} names={names} />}
        {options.data && <RotaLegend radiologists={radiologists} sites={options.data.sites} />}
      </div>
    </div>
  );
}
