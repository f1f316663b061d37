"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { DefinitionIssue } from "./template-check";
import { describePath } from "./template-path";

/** The definition's errors, each with where it is in words and as the raw path. */
export function TemplateErrors({ issues, raw }: { issues: DefinitionIssue[]; raw: unknown }) {
  const { t } = useI18n();
  if (issues.length === 0) {
    return (
      <p className="notice" role="status" data-testid="template-errors">
        {t("templates.editor.valid")}
      </p>
    );
  }
  return (
    <div className="form-error" role="alert" data-testid="template-errors">
      <p style={{ margin: "0 0 0.25rem" }}>{t("templates.editor.errorsTitle", { count: issues.length })}</p>
      <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
        {issues.map((issue, index) => (
          <li key={`${issue.path.join(".")}-${index}`} data-testid="template-error" data-path={issue.path.join(".")}>
            <strong>{describePath(issue.path, raw, t)}</strong> : {t(issue.key, issue.params)}
            {issue.path.length > 0 && (
              <>
                {" "}
                <code className="muted">{issue.path.join(".")}</code>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
