"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";

/** The definition as JSON text, for experts; read back with the same schema as the form's model. */
export function TemplateJsonPane({ json, invalid, onChange }: { json: string; invalid: boolean; onChange: (json: string) => void }) {
  const { t } = useI18n();
  return (
    <div>
      <label htmlFor="template-json" style={{ fontWeight: 600 }}>
        {t("templates.editor.definition")}
      </label>
      <p className="muted" style={{ fontSize: "0.8rem", margin: "0.2rem 0" }}>
        {t("templates.editor.definitionHint")}
      </p>
      <textarea
        id="template-json"
        data-testid="template-json"
        value={json}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        rows={28}
        style={{ width: "100%", fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: "0.85rem", whiteSpace: "pre", tabSize: 2 }}
        aria-invalid={invalid || undefined}
      />
    </div>
  );
}
