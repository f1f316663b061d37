"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage, failureHidesContent } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";
import { AssignmentExplanationView } from "./assignment-explanation";
import { TakeOverForm } from "./take-over-form";
import { ActMessage } from "../workflow/act-message";
import { useActCallbacks } from "../workflow/use-act";

/**
 * Who holds the request and how (claimed, assigned, taken over, handed over), why they were
 * chosen, its escalation level, and the acts open to the viewer: acknowledging an assignment
 * (the holder) or taking the request over (another radiologist reading for the site).
 */
export function AssignmentPanel({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.assignment.forRequest.queryOptions({ requestId }));
  const { feedback, callbacks } = useActCallbacks(requestId, "assignment.acknowledgeDone");
  const acknowledge = useMutation(trpc.assignment.acknowledge.mutationOptions(callbacks));

  if (failureHidesContent(query)) return <p className="form-error">{errorMessage(query.error, t)}</p>;
  const data = query.data;
  if (!data) return <p className="muted">{t("app.loading")}</p>;

  return (
    <section className="panel" data-testid="assignment-panel">
      <h2>
        {t("assignment.title")}
        {data.escalationLevel > 0 && (
          <>
            {" "}
            <span className="badge warning" data-testid="escalation-level" data-level={data.escalationLevel} title={t(`assignment.escalation.levels.${data.escalationLevel}` as MessageKey)}>
              {t("assignment.escalation.badge", { level: data.escalationLevel })}
            </span>
          </>
        )}
      </h2>
      {data.holder ? (
        <dl className="facts">
          <dt>{t("assignment.holder")}</dt>
          <dd data-testid="assignment-holder">
            {data.holder.name}
            {data.holdKind && <> · {t(`assignment.holdKinds.${data.holdKind}`)}</>}
          </dd>
          {data.heldSince && (
            <>
              <dt>{t("assignment.since")}</dt>
              <dd>
                <LocalDateTime date={data.heldSince} />
              </dd>
            </>
          )}
          <dt>{data.holdAcknowledgedAt ? t("assignment.acknowledgedAt") : t("assignment.awaitingAcknowledgement")}</dt>
          <dd data-testid="assignment-acknowledged" data-acknowledged={data.holdAcknowledgedAt ? "true" : "false"}>
            {data.holdAcknowledgedAt ? <LocalDateTime date={data.holdAcknowledgedAt} /> : "—"}
          </dd>
          {data.takeOver && (
            <>
              <dt>{t("assignment.takeOver.by", { name: data.takeOver.byName })}</dt>
              <dd data-testid="take-over-reason-shown">{data.takeOver.reason}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted">{t("assignment.inPool")}</p>
      )}
      {data.explanation && <AssignmentExplanationView explanation={data.explanation} />}
      {data.can.acknowledge && (
        <p>
          <button type="button" data-testid="acknowledge-assignment" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate({ requestId })}>
            {t("assignment.acknowledge")}
          </button>
        </p>
      )}
      <ActMessage feedback={feedback} />
      {data.can.takeOver && <TakeOverForm requestId={requestId} />}
    </section>
  );
}
