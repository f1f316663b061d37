"use client";

import { useEffect, useRef } from "react";
import { BACK_TO_WORKLIST, shortcutsFor } from "@/lib/domain/worklist/worklist-keys";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";

/** Every key the worklist answers to, read from the same table as the key handler (like the viewer's help). */
export function WorklistKeysHelp(props: { canClaim: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const keyLabel = (label: string) => label.replace(/\b(Home|End|Enter|Backspace)\b/g, (word) => t(`worklistGlance.keyNames.${word}` as MessageKey));
  const rows = [...shortcutsFor(props.canClaim).map((s) => ({ id: s.id, label: s.label })), { id: "back", label: BACK_TO_WORKLIST.label }];
  return (
    <dialog ref={dialog} className="keys-help" data-testid="worklist-keys-help" onClose={props.onClose} aria-labelledby="worklist-keys-title">
      <h2 id="worklist-keys-title">{t("worklistGlance.helpTitle")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("worklistGlance.helpKeys")}</th>
            <th>{t("worklistGlance.helpAction")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="worklist-key-row">
              <td>
                <kbd>{keyLabel(row.label)}</kbd>
              </td>
              <td>{t(`worklistGlance.keys.${row.id}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t("worklistGlance.helpNote")}</p>
      <button type="button" onClick={props.onClose}>
        {t("worklistGlance.close")}
      </button>
    </dialog>
  );
}
