"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { ActMessage, FieldError } from "./act-message";
import { useActCallbacks } from "./use-act";

/** Cancelling before reading, with a reason; folded away so that it is never clicked by mistake. */
export function CancelRequestForm({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const { feedback, callbacks } = useActCallbacks(requestId, "workflow.cancel.done");
  const mutation = useMutation(trpc.workflow.cancel.mutationOptions(callbacks));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate({ requestId, reason });
  }

  return (
    <details className="act-form" data-testid="cancel-request">
      <summary>{t("workflow.cancel.title")}</summary>
      <form onSubmit={onSubmit}>
        <label htmlFor="cancel-reason">{t("workflow.cancel.reason")}</label>
        <textarea id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        <FieldError feedback={feedback} field="reason" />
        <button type="submit" className="danger" disabled={mutation.isPending}>
          {t("workflow.cancel.submit")}
        </button>
      </form>
      <ActMessage feedback={feedback} />
    </details>
  );
}
