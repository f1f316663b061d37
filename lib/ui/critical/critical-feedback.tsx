"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import type { CriticalFeedback } from "./use-critical-act";

/** The outcome of an act, announced to screen readers. */
export function CriticalMessage({ feedback, testId }: { feedback: CriticalFeedback; testId: string }) {
  if (!feedback.message) return null;
  const error = feedback.message.kind === "error";
  return (
    <p role={error ? "alert" : "status"} className={error ? "action-error" : "notice"} data-testid={testId}>
      {feedback.message.text}
    </p>
  );
}

/** A field's server-side validation error, when there is one. */
export function CriticalFieldError({ feedback, field }: { feedback: CriticalFeedback; field: string }) {
  const { t } = useI18n();
  const key = feedback.fieldErrors[field];
  if (!key) return null;
  return (
    <div className="field-error" role="alert">
      {t(key as MessageKey)}
    </div>
  );
}
