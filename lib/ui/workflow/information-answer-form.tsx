"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { ActMessage, FieldError } from "./act-message";
import { useActCallbacks } from "./use-act";

/** The requester answers the radiologist's question; the request goes back to the radiologist. */
export function InformationAnswerForm({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [answer, setAnswer] = useState("");
  const { feedback, callbacks } = useActCallbacks(requestId, "workflow.info.done");
  const mutation = useMutation(trpc.workflow.provideInformation.mutationOptions(callbacks));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate({ requestId, answer });
  }

  return (
    <form onSubmit={onSubmit} data-testid="information-form" className="act-form">
      <label htmlFor="information-answer">{t("workflow.info.answer")}</label>
      <textarea id="information-answer" value={answer} onChange={(e) => setAnswer(e.target.value)} />
      <FieldError feedback={feedback} field="answer" />
      <button type="submit" disabled={mutation.isPending}>
        {t("workflow.info.submit")}
      </button>
      <ActMessage feedback={feedback} />
    </form>
  );
}
