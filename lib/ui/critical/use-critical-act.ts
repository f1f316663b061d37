"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage, serverFieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import type { ActFeedback } from "../workflow/use-act";


/**
 * What the critical findings acts share: refetch the findings and the request's timeline after
 * each (the `request.changed` hint does it too; this covers a tab whose socket is down), and
 * say how it went — a notice, or the translated error with its field errors.
 */
export function useCriticalAct(requestId: string) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [feedback, setFeedback] = useState<ActFeedback>({ message: null, fieldErrors: {} });
  return {
    feedback,
    notice: (key: MessageKey) => setFeedback({ message: { kind: "notice", text: t(key) }, fieldErrors: {} }),
    callbacks: {
      onMutate: () => setFeedback({ message: null, fieldErrors: {} }),
      onError: (error: unknown) => setFeedback({ message: { kind: "error", text: errorMessage(error, t) }, fieldErrors: serverFieldErrors(error) }),
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.critical.forRequest.queryKey({ requestId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId }) }),
        ]),
    },
  };
}
