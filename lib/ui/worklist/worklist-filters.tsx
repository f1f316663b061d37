"use client";

import { PRIORITIES, REQUEST_STATUSES, REQUEST_TYPES } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import type { WorklistFilterState } from "./worklist-query";

interface Choice {
  value: string;
  label: string;
}

function FilterSelect(props: { id: string; label: MessageKey; anyLabel: MessageKey; value: string; choices: Choice[]; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <div>
      <label htmlFor={props.id}>{t(props.label)}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t(props.anyLabel)}</option>
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function WorklistFilters(props: {
  value: WorklistFilterState;
  sites: { id: string; code: string; name: string }[];
  onChange: (next: WorklistFilterState) => void;
}) {
  const { t } = useI18n();
  const { value, onChange } = props;
  return (
    <div className="filters">
      <FilterSelect
        id="filter-status"
        label="worklist.filters.status"
        anyLabel="worklist.filters.allOpen"
        value={value.status}
        choices={REQUEST_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        onChange={(status) => onChange({ ...value, status: status as WorklistFilterState["status"] })}
      />
      <FilterSelect
        id="filter-site"
        label="worklist.filters.site"
        anyLabel="worklist.filters.all"
        value={value.siteId}
        choices={props.sites.map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }))}
        onChange={(siteId) => onChange({ ...value, siteId })}
      />
      <FilterSelect
        id="filter-priority"
        label="worklist.filters.priority"
        anyLabel="worklist.filters.all"
        value={value.priority}
        choices={PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
        onChange={(priority) => onChange({ ...value, priority: priority as WorklistFilterState["priority"] })}
      />
      <FilterSelect
        id="filter-type"
        label="worklist.filters.type"
        anyLabel="worklist.filters.all"
        value={value.type}
        choices={REQUEST_TYPES.map((type) => ({ value: type, label: t(`requestType.${type}`) }))}
        onChange={(type) => onChange({ ...value, type: type as WorklistFilterState["type"] })}
      />
    </div>
  );
}
