"use client";

import type { FieldValue, TemplateField } from "@/lib/domain/reports/template-definition";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translate";

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
    <div className="warning" role="alert" data-testid="dropped-after-switch">
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

/** As the radiologist typed it: "3 h", "Oui", not "3" or "true". */
export function droppedEntry(fields: readonly { field: TemplateField }[], fieldId: string, value: FieldValue, t: Translate): DroppedEntry {
  const field = fields.find((candidate) => candidate.field.id === fieldId)?.field;
  const label = field?.label ?? fieldId;
  if (typeof value === "boolean") return { label, text: value ? t("report.yes") : t("report.no") };
  if (typeof value === "number" && field?.kind === "number" && field.unit) return { label, text: `${value} ${field.unit}` };
  return { label, text: String(value) };
}
