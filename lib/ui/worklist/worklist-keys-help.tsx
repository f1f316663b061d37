"use client";

import { Fragment } from "react";
import { BACK_TO_WORKLIST, shortcutsFor } from "@/lib/domain/worklist/worklist-keys";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { useModalDialog } from "../use-modal-dialog";

/** Every key the worklist answers to, read from the same table as the key handler (like the viewer's help). */
export function WorklistKeysHelp(props: { canClaim: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useModalDialog();
  // One <kbd> per key, "or" between them: "↓ J" in one box read as a chord.
  const keyNames = (label: string) => label.split(" ").map((key) => (/^(Home|End|Enter|Backspace)$/.test(key) ? t(`worklistGlance.keyNames.${key}` as MessageKey) : key));
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
                {keyNames(row.label).map((name, index) => (
                  <Fragment key={name}>
                    {index > 0 && <span className="muted"> {t("worklistGlance.or")} </span>}
                    <kbd>{name}</kbd>
                  </Fragment>
                ))}
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
