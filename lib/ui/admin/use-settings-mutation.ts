"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

/**
 * Shared by the admin editors: refetch the settings (or the queries under `refetch`) after a
 * change and say how it went.
 */
export function useSettingsFeedback(doneKey: MessageKey, refetch?: QueryKey) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: "notice" | "error"; text: string } | null>(null);
  return {
    message,
    callbacks: {
      onMutate: () => setMessage(null),
      onSuccess: () => setMessage({ kind: "notice", text: t(doneKey) }),
      onError: (error: unknown) => setMessage({ kind: "error", text: errorMessage(error, t) }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: refetch ?? trpc.settings.pathKey() }),
    },
  };
}
