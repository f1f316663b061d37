"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { useTRPC } from "@/lib/trpc/react";
import { ActMessage } from "../workflow/act-message";
import { useActCallbacks } from "../workflow/use-act";

/**
 * Taking over a request someone else holds: folded away, with a mandatory reason (checked
 * here for comfort, enforced by the server), sent to the current holder.
 */
export function TakeOverForm({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [blank, setBlank] = useState(false);
  const { feedback, callbacks } = useActCallbacks(requestId, "assignment.takeOver.done");
  const mutation = useMutation(trpc.assignment.takeOver.mutationOptions(callbacks));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    setBlank(trimmed.length === 0);
    if (trimmed.length > 0) mutation.mutate({ requestId, reason: trimmed });
  }

  const fieldError = blank ? "validation.required" : feedback.fieldErrors.reason;
  return (
    <details className="act-form">
      <summary>{t("assignment.takeOver.title")}</summary>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="take-over-reason">{t("assignment.takeOver.reason")}</label>
        <textarea
          id="take-over-reason"
          data-testid="take-over-reason"
          required
          aria-invalid={fieldError ? true : undefined}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {fieldError && <p className="field-error">{t(fieldError as MessageKey)}</p>}
        <button type="submit" data-testid="take-over-submit" disabled={mutation.isPending}>
          {t("assignment.takeOver.submit")}
        </button>
      </form>
      <ActMessage feedback={feedback} />
    </details>
  );
}
