"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { PATIENT_INFORMATION_POLICIES, type PatientInformationPolicy } from "@/lib/domain/enums";
import { CRITICAL_ACK_MINUTES } from "@/lib/domain/reports/critical-findings";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { SiteSettingsDto } from "@/lib/server/services/settings/list-site-settings";
import { useTRPC } from "@/lib/trpc/react";
import { SettingsMessage } from "./settings-message";
import { useSettingsFeedback } from "./use-settings-mutation";

type SiteRow = SiteSettingsDto["sites"][number];

/** Per site: auto-assignment on/off, the patient information policy, the local group, the critical findings delay. */
export function SiteSettingsEditor() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.sites.queryOptions());
  const { message, callbacks } = useSettingsFeedback("rota.admin.sites.saved");
  const groupFeedback = useSettingsFeedback("rota.admin.sites.groupCreated");
  const createGroup = useMutation(trpc.settings.createGroup.mutationOptions(groupFeedback.callbacks));
  const [groupName, setGroupName] = useState("");

  function onCreateGroup(event: FormEvent) {
    event.preventDefault();
    if (groupName.trim()) createGroup.mutate({ name: groupName }, { onSuccess: () => setGroupName("") });
  }

  return (
    <section className="panel" data-testid="site-settings-editor">
      <h2>{t("rota.admin.sites.title")}</h2>
      <table className="worklist">
        <thead>
          <tr>
            <th>{t("rota.admin.catalogue.site")}</th>
            <th>{t("rota.admin.sites.autoAssign")}</th>
            <th>{t("rota.admin.sites.policy")}</th>
            <th>{t("rota.admin.sites.group")}</th>
            <th title={t("critical.settings.ackMinutesHint")}>{t("critical.settings.ackMinutes")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {settings.data?.sites.map((site) => (
            <SiteSettingsRow key={`${site.id}-${site.autoAssign}-${site.patientInformationPolicy}-${site.groupId}-${site.criticalAckMinutes}`} site={site} groups={settings.data.groups} callbacks={callbacks} />
          ))}
        </tbody>
      </table>
      <SettingsMessage message={message} testId="site-settings-message" />
      <form onSubmit={onCreateGroup} style={{ display: "flex", gap: "0.5rem", alignItems: "end", marginTop: "0.75rem" }}>
        <label>
          {t("rota.admin.sites.newGroup")} <input id="new-group-name" value={groupName} maxLength={200} onChange={(e) => setGroupName(e.target.value)} />
        </label>
        <button type="submit" disabled={createGroup.isPending || !groupName.trim()}>
          {t("rota.admin.sites.createGroup")}
        </button>
      </form>
      <SettingsMessage message={groupFeedback.message} testId="site-group-message" />
    </section>
  );
}

function SiteSettingsRow(props: { site: SiteRow; groups: SiteSettingsDto["groups"]; callbacks: ReturnType<typeof useSettingsFeedback>["callbacks"] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const save = useMutation(trpc.settings.updateSite.mutationOptions(props.callbacks));
  const [autoAssign, setAutoAssign] = useState(props.site.autoAssign);
  const [policy, setPolicy] = useState<PatientInformationPolicy>(props.site.patientInformationPolicy);
  const [groupId, setGroupId] = useState(props.site.groupId ?? "");
  const [ackMinutes, setAckMinutes] = useState(String(props.site.criticalAckMinutes));
  return (
    <tr data-testid="site-settings-row" data-site={props.site.code}>
      <td title={props.site.name}>{props.site.code}</td>
      <td>
        <input type="checkbox" aria-label={t("rota.admin.sites.autoAssign")} checked={autoAssign} onChange={(e) => setAutoAssign(e.target.checked)} />
      </td>
      <td>
        <select aria-label={t("rota.admin.sites.policy")} value={policy} onChange={(e) => setPolicy(e.target.value as PatientInformationPolicy)}>
          {PATIENT_INFORMATION_POLICIES.map((value) => (
            <option key={value} value={value}>
              {t(`rota.admin.policy.${value}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={t("rota.admin.sites.group")} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
          <option value="">{t("rota.admin.sites.noGroup")}</option>
          {props.groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="number"
          data-testid="critical-ack-minutes"
          aria-label={t("critical.settings.ackMinutes")}
          title={t("critical.settings.ackMinutesHint")}
          min={CRITICAL_ACK_MINUTES.min}
          max={CRITICAL_ACK_MINUTES.max}
          step={1}
          style={{ width: "5rem" }}
          value={ackMinutes}
          onChange={(e) => setAckMinutes(e.target.value)}
        />
      </td>
      <td>
        <button
          type="button"
          disabled={save.isPending}
          onClick={() => save.mutate({ siteId: props.site.id, autoAssign, patientInformationPolicy: policy, groupId: groupId || null, criticalAckMinutes: Number(ackMinutes) })}
        >
          {t("rota.admin.sites.save")}
        </button>
      </td>
    </tr>
  );
}
