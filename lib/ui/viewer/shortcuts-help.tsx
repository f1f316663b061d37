"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { SHORTCUTS } from "@/lib/viewer/shortcuts";
import { useModalDialog } from "../use-modal-dialog";

/** Every shortcut the viewer answers to, read from the same table as the key handler. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useModalDialog();
  return (
    <dialog ref={dialog} className="viewer-help" data-testid="shortcuts-help" onClose={onClose} aria-labelledby="viewer-help-title">
      <h2 id="viewer-help-title">{t("viewer.helpTitle")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("viewer.shortcutKeys")}</th>
            <th>{t("viewer.shortcutAction")}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.id} data-testid="shortcut-row">
              <td>
                <kbd>{shortcut.label.replace(/\b(Home|End|Space|Shift)\b/g, (word) => t(`viewer.keys.${word}` as MessageKey))}</kbd>
              </td>
              <td>{t(`viewer.shortcuts.${shortcut.id}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("viewer.mouseTitle")}</h3>
      <ul>
        <li>{t("viewer.mouse.left")}</li>
        <li>{t("viewer.mouse.middle")}</li>
        <li>{t("viewer.mouse.right")}</li>
        <li>{t("viewer.mouse.wheel")}</li>
        <li>{t("viewer.mouse.drag")}</li>
      </ul>
      <button type="button" onClick={onClose}>
        {t("viewer.close")}
      </button>
    </dialog>
  );
}
