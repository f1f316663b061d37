"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import type { ActFeedback } from "./use-act";

/** The outcome of an act, announced to screen readers. */
export function ActMessage({ feedback, testId }: { feedback: ActFeedback; testId?: string }) {
  if (!feedback.message) return null;
  const error = feedback.message.kind === "error";
  return (
    <p role={error ? "alert" : "status"} className={error ? "action-error" : "notice"} data-testid={testId ?? (error ? "act-error" : "act-notice")}>
      {feedback.message.text}
    </p>
  );
}

/** A field's server-side validation error, when there is one. */
export function FieldError({ feedback, field }: { feedback: ActFeedback; field: string }) {
  const { t } = useI18n();
  const key = feedback.fieldErrors[field];
  if (!key) return null;
  return (
    <div className="field-error" role="alert">
      {t(key as MessageKey)}
    </div>
  );
}
