"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { ConfirmIdentityForm } from "./confirm-identity-form";

/** How many recovery codes are left, and a new set on demand (after the password or a code). */
export function RecoverySection(props: { left: number; withCode: boolean; onChanged: (recoveryCodes?: string[] | null) => Promise<void> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const regenerate = useMutation(
    trpc.security.regenerateRecoveryCodes.mutationOptions({
      onSuccess: async (result) => {
        setConfirming(false);
        await props.onChanged(result.recoveryCodes);
      },
      onError: (e) => setError(errorMessage(e, t)),
    }),
  );
  return (
    <section className="panel" data-testid="recovery-section">
      <h2>{t("security.recovery.title")}</h2>
      <p>{t("security.recovery.left", { count: props.left })}</p>
      {confirming ? (
        <ConfirmIdentityForm
          withCode={props.withCode}
          pending={regenerate.isPending}
          error={error}
          onConfirm={(confirmation) => {
            setError(null);
            regenerate.mutate({ confirmation });
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          {t("security.recovery.regenerate")}
        </button>
      )}
    </section>
  );
}
