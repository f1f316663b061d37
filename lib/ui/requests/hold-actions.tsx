"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

/** Claim or release a request. The losing claimer is told who holds it. */
export function HoldActions(props: { requestId: string; holderId: string | null; actorId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: "error" | "notice"; text: string } | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.worklist.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId: props.requestId }) }),
    ]);

  const claim = useMutation(
    trpc.requests.claim.mutationOptions({
      onSuccess: () => setMessage({ kind: "notice", text: t("worklist.claimed") }),
      onError: (error) => setMessage({ kind: "error", text: errorMessage(error, t) }),
      onSettled: refresh,
    }),
  );
  const release = useMutation(
    trpc.requests.release.mutationOptions({
      onSuccess: () => setMessage({ kind: "notice", text: t("worklist.released") }),
      onError: (error) => setMessage({ kind: "error", text: errorMessage(error, t) }),
      onSettled: refresh,
    }),
  );
  const pending = claim.isPending || release.isPending;

  return (
    <span>
      {props.holderId === props.actorId ? (
        <button type="button" className="secondary" data-hold-action="release" disabled={pending} onClick={() => release.mutate({ requestId: props.requestId })}>
          {t("worklist.release")}
        </button>
      ) : (
        <button type="button" data-hold-action="claim" disabled={pending} onClick={() => claim.mutate({ requestId: props.requestId })}>
          {t("worklist.claim")}
        </button>
      )}
      {message && (
        <span role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "action-error" : "notice"}>
          {" "}
          {message.text}
        </span>
      )}
    </span>
  );
}
