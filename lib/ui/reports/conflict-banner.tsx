"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { ReportDraftDto } from "@/lib/server/services/reports/report-dto";
import { LocalDateTime } from "../local-date-time";

/**
 * Someone else saved this draft meanwhile (another tab, a colleague after a take-over). Both
 * versions are kept until the radiologist chooses: merge (their changes plus mine, mine where
 * both changed the same field) or reload theirs.
 */
export function ConflictBanner(props: { theirs: ReportDraftDto | null; onMerge: () => void; onReload: () => void }) {
  const { t } = useI18n();
  return (
    <div className="warning" role="alert" data-testid="report-conflict">
      <p>
        {props.theirs ? (
          <>
            {t("report.conflict.savedBy", { name: props.theirs.updatedBy.name })} <LocalDateTime date={props.theirs.updatedAt} />
          </>
        ) : (
          t("report.conflict.signed")
        )}
      </p>
      {props.theirs && (
        <p>
          <button type="button" onClick={props.onMerge}>
            {t("report.conflict.merge")}
          </button>{" "}
          <button type="button" className="secondary" onClick={props.onReload}>
            {t("report.conflict.reload")}
          </button>
        </p>
      )}
    </div>
  );
}
