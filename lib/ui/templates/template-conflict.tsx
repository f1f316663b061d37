"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";

export interface Conflict {
  code: string;
  latestVersion: number | null;
  /** A new template whose code was taken, rather than an edit overtaken by another. */
  isNew: boolean;
}

/** Someone saved first: say so, and offer to start again from what they saved. Never overwritten silently. */
export function TemplateConflict({ conflict, onReload }: { conflict: Conflict; onReload: (code: string) => void }) {
  const { t } = useI18n();
  const text = conflict.isNew ? t("templates.editor.codeTaken", { code: conflict.code }) : t("templates.editor.conflict", { version: conflict.latestVersion ?? "?" });
  return (
    <div className="warning" role="alert" data-testid="template-conflict" style={{ marginTop: "0.5rem" }}>
      <p style={{ margin: "0 0 0.4rem" }}>{text}</p>
      <button type="button" className="secondary" onClick={() => onReload(conflict.code)}>
        {conflict.isNew ? t("templates.editor.openExisting") : t("templates.editor.reload")}
      </button>
    </div>
  );
}
