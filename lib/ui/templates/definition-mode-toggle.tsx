"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";

export type DefinitionMode = "form" | "json";

/** Form (the default) or JSON for experts: two views of the same definition. */
export function DefinitionModeToggle({ mode, onChange }: { mode: DefinitionMode; onChange: (mode: DefinitionMode) => void }) {
  const { t } = useI18n();
  return (
    <div className="tpl-mode" role="group" aria-label={t("templates.form.mode")} data-testid="definition-mode">
      {(["form", "json"] as const).map((option) => (
        <button key={option} type="button" className={mode === option ? undefined : "secondary"} aria-pressed={mode === option} onClick={() => onChange(option)}>
          {option === "form" ? t("templates.form.modeForm") : t("templates.form.modeJson")}
        </button>
      ))}
    </div>
  );
}
