"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage, serverFieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

export interface ActFeedback {
  message: { kind: "error" | "notice"; text: string } | null;
  fieldErrors: Record<string, string>;
}

/**
 * What every act of the request page shares: refetch the request (and the worklist) after
 * it, and say how it went — a notice, or the translated error with its field errors.
 */
export function useActCallbacks(requestId: string, doneKey: MessageKey) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [feedback, setFeedback] = useState<ActFeedback>({ message: null, fieldErrors: {} });
  return {
    feedback,
    callbacks: {
      onSuccess: () => setFeedback({ message: { kind: "notice", text: t(doneKey) }, fieldErrors: {} }),
      onError: (error: unknown) => setFeedback({ message: { kind: "error", text: errorMessage(error, t) }, fieldErrors: serverFieldErrors(error) }),
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.worklist.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.assignment.pathKey() }),
        ]),
    },
  };
}
