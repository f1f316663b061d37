"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { printAs, type PrintTarget } from "./print-as";

/** "Imprimer": never printed itself (every button is hidden on paper). */
export function PrintButton(props: { target: PrintTarget; label: MessageKey }) {
  const { t } = useI18n();
  return (
    <button type="button" className="secondary no-print" data-testid={`print-${props.target}`} onClick={() => printAs(props.target)}>
      {t(props.label)}
    </button>
  );
}
