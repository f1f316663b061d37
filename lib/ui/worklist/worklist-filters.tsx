"use client";

import { PRIORITIES, REQUEST_STATUSES, REQUEST_TYPES } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { WorklistFilterState } from "./worklist-query";

export function WorklistFilters(props: {
  value: WorklistFilterState;
  sites: { id: string; code: string; name: string }[];
  onChange: (next: WorklistFilterState) => void;
}) {
  const { t } = useI18n();
  const { value, onChange } = props;
  return (
    <div className="filters">
      <div>
        <label htmlFor="filter-status">{t("worklist.filters.status")}</label>
        <select
          id="filter-status"
          value={value.status}
          onChange={(e) => onChange({ ...value, status: e.target.value as WorklistFilterState["status"] })}
        >
          <option value="">{t("worklist.filters.allOpen")}</option>
          {REQUEST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-site">{t("worklist.filters.site")}</label>
        <select id="filter-site" value={value.siteId} onChange={(e) => onChange({ ...value, siteId: e.target.value })}>
          <option value="">{t("worklist.filters.all")}</option>
          {props.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.code} · {site.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-priority">{t("worklist.filters.priority")}</label>
        <select
          id="filter-priority"
          value={value.priority}
          onChange={(e) => onChange({ ...value, priority: e.target.value as WorklistFilterState["priority"] })}
        >
          <option value="">{t("worklist.filters.all")}</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priority.${priority}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-type">{t("worklist.filters.type")}</label>
        <select
          id="filter-type"
          value={value.type}
          onChange={(e) => onChange({ ...value, type: e.target.value as WorklistFilterState["type"] })}
        >
          <option value="">{t("worklist.filters.all")}</option>
          {REQUEST_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`requestType.${type}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
