"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { CheckboxGroup } from "./checkbox-group";

export interface DashboardOptions {
  sites: { id: string; code: string; name: string }[];
  groups: { id: string; name: string; siteIds: string[] }[];
  radiologists: { id: string; displayName: string }[];
}

/** Sites to include, with a shortcut per inter-hospital agreement that ticks its sites. */
export function SitePicker(props: { options: DashboardOptions; value: readonly string[]; onChange: (siteIds: string[]) => void }) {
  const { t } = useI18n();
  const { sites, groups } = props.options;
  return (
    <div className="dash-sites">
      <CheckboxGroup
        legend={t("dashboard.filters.sites")}
        hint={t("dashboard.filters.allSites")}
        testIdPrefix="dash-site"
        choices={sites.map((site) => ({ value: site.id, label: `${site.code} · ${site.name}`, testId: `dash-site-${site.code}` }))}
        value={props.value}
        onChange={props.onChange}
      />
      {groups.length > 0 && (
        <div className="dash-agreements" role="group" aria-label={t("dashboard.filters.agreements")}>
          <span className="muted">{t("dashboard.filters.agreements")}</span>
          {groups.map((group) => (
            <button
              key={group.id}
              type="button"
              className="secondary dash-chip"
              data-testid={`dash-agreement-${group.id}`}
              title={t("dashboard.filters.selectAgreement", { name: group.name })}
              onClick={() => props.onChange(sites.filter((site) => group.siteIds.includes(site.id)).map((site) => site.id))}
            >
              {group.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
