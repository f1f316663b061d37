"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { DefinitionIssue } from "../template-check";

/** The error of one input, under it, once the editor shows errors. */
export function IssueText({ issue, id }: { issue: DefinitionIssue | undefined; id: string }) {
  const { t } = useI18n();
  if (!issue) return null;
  return (
    <span className="field-error" id={id} data-testid="form-issue">
      {t(issue.key, issue.params)}
    </span>
  );
}
