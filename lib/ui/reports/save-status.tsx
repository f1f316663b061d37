"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { LocalDateTime } from "../local-date-time";
import type { SaveState } from "./use-draft-autosave";

/** "Enregistré à 14:02", "Enregistrement…": the radiologist sees that nothing typed is lost. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useI18n();
  return (
    <p className="muted" role="status" data-testid="save-status" data-state={state.kind}>
      {state.kind === "saved" && (
        <>
          {t("report.saved")} <LocalDateTime date={state.at} />
        </>
      )}
      {state.kind === "dirty" && t("report.unsaved")}
      {state.kind === "saving" && t("report.saving")}
      {state.kind === "conflict" && t("report.conflict.title")}
      {state.kind === "error" && t("report.saveFailed")}
    </p>
  );
}
