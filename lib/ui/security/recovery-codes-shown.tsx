"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";

/** The recovery codes, shown this once (only their hashes are kept). */
export function RecoveryCodesShown({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div className="warning recovery-codes" data-testid="recovery-codes" role="status">
      <p>{t("security.recovery.shownOnce")}</p>
      <ol>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onDone}>
        {t("security.recovery.done")}
      </button>
    </div>
  );
}
