"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";

const ORDER_CONTROLS = new Set(["NW", "CA", "OK", "OC", "SC", "RE"]);

/**
 * What a message is, in words: the order control's meaning and, for a signed report, which
 * version it carries ("Compte rendu (original)", "Addendum 1 (correction)"), so that the site's
 * staff and the head on the board tell the report from its corrections at a glance.
 */
export function RisMessageMeaning(props: { orderControl: string | null; report: { kind: "ORIGINAL" | "ADDENDUM"; sequence: number } | null }) {
  const { t } = useI18n();
  if (props.report) {
    return <span data-testid="ris-message-report">{props.report.kind === "ADDENDUM" ? t("ris.messages.report.addendum", { number: String(props.report.sequence) }) : t("ris.messages.report.original")}</span>;
  }
  if (!props.orderControl || !ORDER_CONTROLS.has(props.orderControl)) return null;
  return <span>{t(`ris.messages.orderControl.${props.orderControl}` as MessageKey)}</span>;
}
