"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { UnlinkedStudySearchInput } from "@/lib/domain/unlinked-study-search-schema";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { formatDicomDate, formatPersonName } from "./dicom-identity-format";
import styles from "./study-search.module.css";
import { DateField } from "../date-field";

type Criteria = Omit<UnlinkedStudySearchInput, "requestId" | "page">;
const EMPTY: Required<{ [K in keyof Criteria]: string }> = { name: "", patientId: "", accessionNumber: "", dateFrom: "", dateTo: "", modality: "" };
const MODALITIES = ["CT", "MR", "CR", "DX", "US", "MG", "XA", "RF", "NM", "PT", "OT"];

/**
 * The site's staff find the study to link among their site's unlinked studies. Without criteria
 * it lists only the request's patient's studies; each row shows the identity the study was
 * received with, so a different person is seen before the click, and linking a study whose
 * identity differs asks for a confirmation with a reason (on the study's card above).
 */
export function UnlinkedStudySearch({ requestId }: { requestId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const [applied, setApplied] = useState(EMPTY);
  const [page, setPage] = useState(1);
  const query = useQuery({ ...trpc.images.searchUnlinked.queryOptions({ requestId, ...applied, page }), placeholderData: keepPreviousData });
  const link = useMutation(trpc.images.link.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.pathKey() }) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
    setPage(1);
  };
  const field = (key: keyof typeof EMPTY, label: string, type = "text") => (
    <div>
      <label htmlFor={`study-search-${key}`}>{label}</label>
      {type === "date" ? (
        <DateField id={`study-search-${key}`} value={draft[key]} onChange={(value) => setDraft({ ...draft, [key]: value })} testId={`study-search-${key}`} />
      ) : (
        <input id={`study-search-${key}`} type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`study-search-${key}`} />
      )}
    </div>
  );
  const result = query.data;
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;

  return (
    <section className={styles.search} data-testid="study-search" aria-labelledby="study-search-title">
      <h3 id="study-search-title">{t("images.search.title")}</h3>
      <form className={styles.form} onSubmit={submit} role="search">
        {field("name", t("images.search.name"))}
        {field("patientId", t("images.search.patientId"))}
        {field("accessionNumber", t("images.search.accession"))}
        {field("dateFrom", t("images.search.dateFrom"), "date")}
        {field("dateTo", t("images.search.dateTo"), "date")}
        <div>
          <label htmlFor="study-search-modality">{t("images.search.modality")}</label>
          <select id="study-search-modality" value={draft.modality} onChange={(e) => setDraft({ ...draft, modality: e.target.value })} data-testid="study-search-modality">
            <option value="">{t("images.search.anyModality")}</option>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.buttons}>
          <button type="submit" data-testid="study-search-submit">
            {t("images.search.submit")}
          </button>
          <button type="button" className="secondary" onClick={() => { setDraft(EMPTY); setApplied(EMPTY); setPage(1); }}>
            {t("images.search.reset")}
          </button>
        </div>
      </form>
      {result?.samePatientOnly && <p className={`muted ${styles.hint}`}>{t("images.search.samePatientHint")}</p>}
      {query.error && <p className="form-error" role="alert">{errorMessage(query.error, t)}</p>}
      {link.error && <p className="form-error" role="alert">{errorMessage(link.error, t)}</p>}
      {link.data && (
        <p className={link.data.state === "LINKED" ? "muted" : "warning"} role="status" data-testid="study-search-outcome">
          {link.data.state === "LINKED" ? t("images.search.linked") : t("images.search.needsConfirmation")}{" "}
          {link.data.state === "NEEDS_CONFIRMATION" && <a href={`#study-${link.variables.studyId}`}>{t("images.search.showPending")}</a>}
        </p>
      )}
      {result && result.studies.length === 0 && (
        <p className="muted" data-testid="study-search-empty">{result.samePatientOnly ? t("images.search.noneSamePatient") : t("images.search.none")}</p>
      )}
      {result && result.studies.length > 0 && (
        <>
          <table className={styles.table} data-testid="study-search-results" aria-label={t("images.search.results")}>
            <thead>
              <tr>
                {(["patient", "patientId", "birthDate", "studyDate", "modality", "accession", "description", "action"] as const).map((c) => (
                  <th key={c} scope="col">{t(`images.search.columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.studies.map((study) => (
                <tr key={study.id} data-testid="study-search-row">
                  <td data-label={t("images.search.columns.patient")} className={styles.name} data-testid="study-row-name">{formatPersonName(study.patientName) || "—"}</td>
                  <td className={styles.keep} data-label={t("images.search.columns.patientId")} data-testid="study-row-ipp">{study.patientId || "—"}</td>
                  <td className={styles.keep} data-label={t("images.search.columns.birthDate")}>{[formatDicomDate(study.patientBirthDate, locale) || "—", study.patientSex].filter(Boolean).join(" · ")}</td>
                  <td className={styles.keep} data-label={t("images.search.columns.studyDate")}>{formatDicomDate(study.studyDate, locale) || "—"}</td>
                  <td data-label={t("images.search.columns.modality")}>{study.modalities.join(", ")}</td>
                  <td data-label={t("images.search.columns.accession")}>{study.accessionNumber || "—"}</td>
                  <td data-label={t("images.search.columns.description")}>
                    {/* One grid item: in the card layout the label takes the first column, the whole value the second. */}
                    <span>
                      {study.description ?? t("images.study")} <span className="muted">({t("images.instances", { count: study.instanceCount })})</span>
                    </span>
                  </td>
                  <td className={styles.action}>
                    <button type="button" disabled={link.isPending} onClick={() => link.mutate({ requestId, studyId: study.id, confirmation: null })} data-testid="study-search-link">
                      {t("images.linkHere")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className={styles.pager} aria-label={t("images.search.results")}>
            <button type="button" className="secondary" disabled={page <= 1 || query.isFetching} onClick={() => setPage(page - 1)} data-testid="study-search-previous">
              {t("images.search.previous")}
            </button>
            <span className={styles.pageInfo} data-testid="study-search-total">{t("images.search.total", { total: result.total, page: result.page, pages })}</span>
            <button type="button" className="secondary" disabled={page >= pages || query.isFetching} onClick={() => setPage(page + 1)} data-testid="study-search-next">
              {t("images.search.next")}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
