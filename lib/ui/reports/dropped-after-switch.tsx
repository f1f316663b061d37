"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";

export interface DroppedEntry {
  label: string;
  text: string;
}

/**
 * Text typed into a field while the template was being switched, where the new template has no
 * such field: shown until dismissed, so the radiologist can copy it where it belongs.
 */
export function DroppedAfterSwitch(props: { entries: DroppedEntry[]; onDismiss: () => void }) {
  const { t } = useI18n();
  if (props.entries.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="dropped-after-switch">
      <p>{t("report.droppedAfterSwitch")}</p>
      <ul>
        {props.entries.map((entry) => (
          <li key={entry.label}>
            <strong>{entry.label}</strong> : <span style={{ whiteSpace: "pre-wrap" }}>{entry.text}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={props.onDismiss}>
        {t("report.droppedAfterSwitchDismiss")}
      </button>
    </div>
  );
}
