"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { FieldMessage } from "./field-message";
import type { ShiftFormState } from "./shift-form-state";
import { DateField } from "../date-field";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** Repeat every N weeks on chosen days until a date (e.g. every other weekend: 2 weeks, Saturday, 48 h). */
export function RecurrenceFields(props: { state: ShiftFormState; errors: Record<string, string>; onChange: (patch: Partial<ShiftFormState>) => void }) {
  const { t } = useI18n();
  const { state, errors, onChange } = props;
  const toggle = (day: number) =>
    onChange({ weekdays: state.weekdays.includes(day) ? state.weekdays.filter((d) => d !== day) : [...state.weekdays, day] });
  return (
    <fieldset data-testid="recurrence-fields" style={{ border: "1px solid var(--line)", borderRadius: 8 }}>
      <label htmlFor="shift-interval">{t("rota.form.interval")}</label>
      <select id="shift-interval" value={state.intervalWeeks} onChange={(e) => onChange({ intervalWeeks: Number(e.target.value) })}>
        {[1, 2, 3, 4].map((n) => (
          <option key={n} value={n}>
            {n === 1 ? t("rota.form.everyWeek") : t("rota.form.intervalWeeks", { count: n })}
          </option>
        ))}
      </select>
      <FieldMessage message={errors["recurrence.intervalWeeks"]} />
      <div role="group" aria-label={t("rota.form.weekdays")}>
        <span>{t("rota.form.weekdays")} : </span>
        {WEEKDAYS.map((day) => (
          <label key={day} style={{ marginRight: "0.5rem", whiteSpace: "nowrap" }}>
            <input type="checkbox" data-testid={`shift-weekday-${day}`} checked={state.weekdays.includes(day)} onChange={() => toggle(day)} /> {t(`rota.weekday.${day}`)}
          </label>
        ))}
      </div>
      <FieldMessage message={errors["recurrence.weekdays"]} />
      <label htmlFor="shift-until">{t("rota.form.until")}</label>
      <DateField id="shift-until" value={state.until} onChange={(until) => onChange({ until })} />
      <FieldMessage message={errors["recurrence.until"]} />
    </fieldset>
  );
}
