"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Priority } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { PriorityTargetDto } from "@/lib/server/services/settings/list-priority-targets";
import { useTRPC } from "@/lib/trpc/react";
import { SettingsMessage } from "./settings-message";
import { useSettingsFeedback } from "./use-settings-mutation";

/** The delay before escalation per priority, entered in minutes. */
export function PriorityTargetsEditor() {
  const trpc = useTRPC();
  const targets = useQuery(trpc.settings.targets.queryOptions());
  if (!targets.data) return null;
  const version = targets.data.map((target) => `${target.priority}:${target.escalateAfterS}`).join(",");
  return <TargetsForm key={version} targets={targets.data} />;
}

function TargetsForm(props: { targets: PriorityTargetDto[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { message, callbacks } = useSettingsFeedback("rota.admin.targets.saved");
  const save = useMutation(trpc.settings.updateTargets.mutationOptions(callbacks));
  const [minutes, setMinutes] = useState<Record<Priority, string>>(
    () => Object.fromEntries(props.targets.map((target) => [target.priority, target.escalateAfterS === null ? "" : String(target.escalateAfterS / 60)])) as Record<Priority, string>,
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const entries = props.targets
      .filter((target) => minutes[target.priority] !== "")
      .map((target) => ({ priority: target.priority, escalateAfterS: Math.round(Number(minutes[target.priority]) * 60) }));
    save.mutate({ targets: entries });
  }

  return (
    <section className="panel" data-testid="targets-editor">
      <h2>{t("rota.admin.targets.title")}</h2>
      <p className="muted">{t("rota.admin.targets.intro")}</p>
      <form onSubmit={onSubmit} style={{ display: "flex", gap: "1rem", flexWrap: "wrap", alignItems: "end" }}>
        {props.targets.map((target) => (
          <label key={target.priority}>
            {t(`priority.${target.priority}`)}{" "}
            <input
              id={`target-${target.priority}`}
              type="number"
              min={1}
              max={7 * 24 * 60}
              step={1}
              value={minutes[target.priority]}
              onChange={(e) => setMinutes((current) => ({ ...current, [target.priority]: e.target.value }))}
              style={{ width: "6rem" }}
            />{" "}
            {t("rota.admin.targets.minutes")}
          </label>
        ))}
        <button type="submit" disabled={save.isPending}>
          {t("rota.admin.targets.save")}
        </button>
      </form>
      <SettingsMessage message={message} testId="targets-message" />
    </section>
  );
}
