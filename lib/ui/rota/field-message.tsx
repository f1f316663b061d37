"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";

/** A field's validation message; messages are catalogue keys (rota.validation.*, validation.*). */
export function FieldMessage({ message }: { message: string | undefined }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p className="form-error" role="alert" style={{ margin: "0.2rem 0" }}>
      {t(message as MessageKey)}
    </p>
  );
}
