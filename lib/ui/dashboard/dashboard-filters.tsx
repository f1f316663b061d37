"use client";

import { useState, type FormEvent } from "react";
import { MAX_PERIOD_DAYS, type DashboardFilter } from "@/lib/domain/dashboard/dashboard-schemas";
import { MODALITIES, PRIORITIES, REQUEST_TYPES } from "@/lib/domain/enums";
import { daysBetween, parseLocalDate } from "@/lib/domain/rota/wall-clock";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { CheckboxGroup } from "./checkbox-group";
import { defaultPeriod } from "./dashboard-url-state";
import { SitePicker, type DashboardOptions } from "./site-picker";
import { DateField } from "../date-field";

function periodError(filter: DashboardFilter): MessageKey | null {
  if (parseLocalDate(filter.from) === null || parseLocalDate(filter.to) === null) return "validation.date";
  const days = daysBetween(filter.from, filter.to);
  if (days < 0) return "dashboard.validation.periodOrder";
  return days + 1 > MAX_PERIOD_DAYS ? "dashboard.validation.periodTooLong" : null;
}

/**
 * The filter, edited as a draft and applied at once: every applied filter is one query (and
 * one audited read), not one per keystroke. The parent keys this form by the applied filter,
 * so going back in the history shows that filter again.
 */
export function DashboardFilters(props: { value: DashboardFilter; today: string; options: DashboardOptions | undefined; onApply: (filter: DashboardFilter) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.value);
  const [error, setError] = useState<MessageKey | null>(null);
  const edit = (patch: Partial<DashboardFilter>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = periodError(draft);
    setError(problem);
    if (!problem) props.onApply(draft);
  };
  const radiologists = props.options?.radiologists ?? [];

  return (
    <form className="panel dash-filters" onSubmit={submit} aria-label={t("dashboard.filters.title")} noValidate>
      <div className="filters">
        <div>
          <label htmlFor="dash-from">{t("dashboard.filters.from")}</label>
          <DateField id="dash-from" testId="dash-from" value={draft.from} onChange={(from) => edit({ from })} />
        </div>
        <div>
          <label htmlFor="dash-to">{t("dashboard.filters.to")}</label>
          <DateField id="dash-to" testId="dash-to" value={draft.to} onChange={(to) => edit({ to })} />
        </div>
        {radiologists.length > 0 && (
          <div>
            <label htmlFor="dash-radiologist">{t("dashboard.filters.radiologist")}</label>
            <select
              id="dash-radiologist"
              data-testid="dash-radiologist"
              value={draft.radiologistIds[0] ?? ""}
              onChange={(e) => edit({ radiologistIds: e.target.value ? [e.target.value] : [] })}
            >
              <option value="">{t("dashboard.filters.allRadiologists")}</option>
              {radiologists.map((radiologist) => (
                <option key={radiologist.id} value={radiologist.id}>
                  {radiologist.displayName}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {props.options && <SitePicker options={props.options} value={draft.siteIds} onChange={(siteIds) => edit({ siteIds })} />}
      <div className="dash-filter-groups">
        <CheckboxGroup
          legend={t("dashboard.filters.priorities")}
          testIdPrefix="dash-priority"
          choices={PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) }))}
          value={draft.priorities}
          onChange={(priorities) => edit({ priorities })}
        />
        <CheckboxGroup
          legend={t("dashboard.filters.types")}
          testIdPrefix="dash-type"
          choices={REQUEST_TYPES.map((value) => ({ value, label: t(`requestType.${value}`) }))}
          value={draft.types}
          onChange={(types) => edit({ types })}
        />
        <CheckboxGroup
          legend={t("dashboard.filters.modalities")}
          testIdPrefix="dash-modality"
          choices={MODALITIES.map((value) => ({ value, label: value }))}
          value={draft.modalities}
          onChange={(modalities) => edit({ modalities })}
        />
      </div>
      <p className="muted dash-note">{t("dashboard.filters.noneMeansAll")}</p>
      {error && (
        <p className="form-error" role="alert" data-testid="dash-filter-error">
          {t(error)}
        </p>
      )}
      <div className="dash-actions">
        <button type="submit" data-testid="dash-apply">
          {t("dashboard.filters.apply")}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="dash-reset"
          onClick={() => {
            setError(null);
            setDraft({ ...defaultPeriod(props.today), siteIds: [], priorities: [], types: [], modalities: [], radiologistIds: [] });
          }}
        >
          {t("dashboard.filters.reset")}
        </button>
      </div>
    </form>
  );
}
