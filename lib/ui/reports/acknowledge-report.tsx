"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ReportVersionKind } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

/** The requester confirms having read one delivered version (the original or an addendum). */
export function AcknowledgeReport(props: { requestId: string; versionId: string; kind: ReportVersionKind }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: "error" | "notice"; text: string } | null>(null);
  const acknowledge = useMutation(
    trpc.portal.acknowledge.mutationOptions({
      onSuccess: (result) => setMessage({ kind: "notice", text: result.alreadyAcknowledged ? t("portal.acknowledge.already") : t("portal.acknowledge.done") }),
      onError: (error) => setMessage({ kind: "error", text: errorMessage(error, t) }),
      // The report panel, the request (its status) and "my requests" all show the acknowledgement.
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.portal.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId: props.requestId }) }),
        ]),
    }),
  );
  return (
    <span data-testid="acknowledge-report">
      <button type="button" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate({ requestId: props.requestId, versionId: props.versionId })}>
        {props.kind === "ORIGINAL" ? t("portal.acknowledge.original") : t("portal.acknowledge.addendum")}
      </button>
      {message && (
        <span role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "action-error" : "notice"}>
          {" "}
          {message.text}
        </span>
      )}
    </span>
  );
}
