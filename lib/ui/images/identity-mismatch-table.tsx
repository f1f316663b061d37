"use client";

import type { IdentityMismatch } from "@/lib/domain/identity-match";
import { useI18n } from "@/lib/i18n/i18n-provider";
import styles from "./study-search.module.css";

/** What differs between the request's patient and the identity the images were received with, IPP first. */
export function IdentityMismatchTable({ mismatches }: { mismatches: IdentityMismatch[] }) {
  const { t } = useI18n();
  return (
    <div className={styles.mismatchBox}>
      <table className={styles.mismatch} data-testid="identity-mismatch-table">
        <thead>
          <tr>
            <th scope="col">{t("images.mismatchTable.field")}</th>
            <th scope="col">{t("images.mismatchTable.request")}</th>
            <th scope="col">{t("images.mismatchTable.dicom")}</th>
          </tr>
        </thead>
        <tbody>
          {mismatches.map((m) => (
            <tr key={m.field} data-field={m.field}>
              <th scope="row">{t(`images.fields.${m.field}`)}</th>
              <td data-label={t("images.mismatchTable.request")}>{m.request || t("images.mismatchTable.empty")}</td>
              <td data-label={t("images.mismatchTable.dicom")}>{m.dicom || t("images.mismatchTable.empty")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
