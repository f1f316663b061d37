"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { informersWording, type PatientInformers } from "@/lib/domain/workflow/patient-information-ask";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

/**
 * Reading waits for the patient's information: says who can record it (by name when it is
 * the requesting physician) and asks them in the request's thread in one click, instead of a
 * phone call at 3 a.m. to find out who may tick it.
 */
export function PatientInformationBlocker(props: { requestId: string; informers: PatientInformers }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ask = useMutation(
    trpc.thread.post.mutationOptions({
      // The hint refetches it too; this covers a tab whose socket is down.
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.thread.byRequest.queryKey({ requestId: props.requestId }) }),
    }),
  );
  const wording = informersWording(props.informers);
  const who = t(`report.informBlocker.who.${wording}`, { name: props.informers.requesterName ?? "" });
  return (
    <div className="warning" role="status" data-testid="patient-information-blocker">
      <p style={{ margin: 0 }}>
        <strong>{t("report.informBlocker.title")}</strong> {who}
      </p>
      {ask.isSuccess ? (
        <p style={{ margin: "0.4rem 0 0" }} data-testid="patient-information-asked">
          {t("report.informBlocker.asked")}
        </p>
      ) : (
        <button
          type="button"
          className="secondary"
          style={{ marginTop: "0.4rem" }}
          disabled={ask.isPending}
          onClick={() => ask.mutate({ requestId: props.requestId, body: t(`report.informBlocker.question.${wording}`, { name: props.informers.requesterName ?? "" }) })}
        >
          {t("report.informBlocker.ask")}
        </button>
      )}
      {ask.error && (
        <p className="action-error" role="alert">
          {errorMessage(ask.error, t)}
        </p>
      )}
    </div>
  );
}
