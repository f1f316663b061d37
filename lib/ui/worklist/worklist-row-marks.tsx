"use client";

import "./worklist-glance.css";
import { useI18n } from "@/lib/i18n/i18n-provider";

/**
 * What a row flags beyond its priority, in words (not colour only): escalated and still
 * waiting, and critical findings the site has not acknowledged. Shared by the worklist and the
 * referrer's portal so the two read alike.
 */
export function WorklistRowMarks(props: { escalated?: boolean; criticalOpen: number }) {
  const { t } = useI18n();
  if (!props.escalated && props.criticalOpen === 0) return null;
  return (
    <span className="row-marks">
      {props.criticalOpen > 0 && (
        <span className="badge mark-critical" data-testid="row-mark-critical" title={t("worklistGlance.marks.criticalHint")}>
          <span aria-hidden="true">⚠ </span>
          {t("worklistGlance.marks.critical", { count: props.criticalOpen })}
        </span>
      )}
      {props.escalated && (
        <span className="badge mark-escalated" data-testid="row-mark-escalated" title={t("worklistGlance.marks.escalatedHint")}>
          <span aria-hidden="true">▲ </span>
          {t("worklistGlance.marks.escalated")}
        </span>
      )}
    </span>
  );
}
