"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage, serverFieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

export interface AssignmentFeedback {
  message: { kind: "error" | "notice"; text: string } | null;
  fieldErrors: Record<string, string>;
}

/** After an assignment act: say how it went, and refetch the assignment, the request and the worklist. */
export function useAssignmentAct(requestId: string, doneKey: MessageKey) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [feedback, setFeedback] = useState<AssignmentFeedback>({ message: null, fieldErrors: {} });
  return {
    feedback,
    callbacks: {
      onSuccess: () => setFeedback({ message: { kind: "notice", text: t(doneKey) }, fieldErrors: {} }),
      onError: (error: unknown) => setFeedback({ message: { kind: "error", text: errorMessage(error, t) }, fieldErrors: serverFieldErrors(error) }),
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.assignment.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.worklist.list.queryKey() }),
        ]),
    },
  };
}

export function FeedbackLine({ feedback }: { feedback: AssignmentFeedback }) {
  if (!feedback.message) return null;
  const error = feedback.message.kind === "error";
  return (
    <p role={error ? "alert" : "status"} className={error ? "form-error" : "muted"}>
      {feedback.message.text}
    </p>
  );
}
