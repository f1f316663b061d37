"use client";

import Form from "next/form";
import { PATIENT_SEARCH_MAX_LENGTH, PATIENT_SEARCH_MIN_LENGTH } from "@/lib/domain/patient-search/patient-search-schema";
import { useI18n } from "@/lib/i18n/i18n-provider";
import "./patient-search.css";

/**
 * The header's patient search: a GET form to /search (next/form navigates on the client, and
 * the page still works without JavaScript). The browser refuses a query shorter than the
 * server would accept before anything is sent.
 */
export function HeaderSearch() {
  const { t } = useI18n();
  return (
    <Form action="/search" role="search" className="header-search" aria-label={t("search.label")}>
      <input
        type="search"
        name="q"
        required
        minLength={PATIENT_SEARCH_MIN_LENGTH}
        maxLength={PATIENT_SEARCH_MAX_LENGTH}
        aria-label={t("search.label")}
        placeholder={t("search.placeholder")}
        title={t("search.hint")}
        autoComplete="off"
        spellCheck={false}
        data-testid="header-search"
      />
      <button type="submit">{t("search.submit")}</button>
    </Form>
  );
}
