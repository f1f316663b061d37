"use client";

import type { ContrastFinding } from "@/lib/domain/contrast-safety";
import { useI18n } from "@/lib/i18n/i18n-provider";

/** What the safety check finds, contraindications first. */
export function ContrastFindings({ findings }: { findings: ContrastFinding[] }) {
  const { t } = useI18n();
  if (findings.length === 0) return <p className="muted">{t("workflow.protocol.noFindings")}</p>;
  const ordered = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "contraindication" ? -1 : 1));
  return (
    <ul className="findings" data-testid="contrast-findings" aria-label={t("workflow.protocol.findings")}>
      {ordered.map((finding) => (
        <li key={finding.code} className={finding.severity === "contraindication" ? "warning" : "muted"} data-severity={finding.severity}>
          <strong>{t(`workflow.protocol.${finding.severity}`)}</strong> : {t(`workflow.finding.${finding.code}`)}
        </li>
      ))}
    </ul>
  );
}
