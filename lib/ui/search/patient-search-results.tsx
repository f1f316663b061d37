"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { patientSearchSchema } from "@/lib/domain/patient-search/patient-search-schema";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { CalendarDate, LocalDateTime } from "../local-date-time";
import "./patient-search.css";

/** The requests matching the header's query, each opening its request. */
export function PatientSearchResults({ query }: { query: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  // The same rule as the procedure, so a query typed in the address bar is explained, not sent.
  const parsed = patientSearchSchema.safeParse({ query });
  const search = useQuery({ ...trpc.requests.search.queryOptions({ query: parsed.data?.query ?? "" }), enabled: parsed.success });

  return (
    <section data-testid="search-results">
      <h1>{parsed.success ? t("search.resultsFor", { query: parsed.data.query }) : t("search.title")}</h1>
      <p className="muted">{t("search.hint")}</p>
      {!parsed.success ? (
        <p className="form-error" role="alert" data-testid="search-invalid">
          {t((parsed.error.issues[0]?.message ?? "validation.invalid") as MessageKey)}
        </p>
      ) : search.error ? (
        <p className="form-error" role="alert" data-testid="search-error">
          {errorMessage(search.error, t)}
        </p>
      ) : !search.data ? (
        <p className="muted">{t("app.loading")}</p>
      ) : search.data.results.length === 0 ? (
        <p data-testid="search-empty">{t("search.none")}</p>
      ) : (
        <>
          <p data-testid="search-count">
            {search.data.truncated ? t("search.truncated", { count: search.data.results.length }) : t("search.count", { count: search.data.results.length })}
          </p>
          <div className="search-results-wrap">
            <table className="worklist search-results">
              <thead>
                <tr>
                  <th>{t("search.columns.patient")}</th>
                  <th>{t("search.columns.birthDate")}</th>
                  <th>{t("search.columns.ipp")}</th>
                  <th>{t("search.columns.site")}</th>
                  <th>{t("search.columns.exam")}</th>
                  <th>{t("search.columns.status")}</th>
                  <th>{t("search.columns.submittedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {search.data.results.map((row) => (
                  <tr key={row.id} data-testid="search-result" data-request-id={row.id}>
                    <td>
                      <Link href={`/requests/${row.id}`}>
                        {row.patient.familyName.toUpperCase()} {row.patient.givenName}
                      </Link>
                    </td>
                    <td>
                      <CalendarDate iso={row.patient.birthDate} />
                    </td>
                    <td>{row.sitePatientId}</td>
                    <td title={row.site.name}>{row.site.code}</td>
                    <td>
                      {row.modality} · {row.bodyRegion}
                      <div className="muted" style={{ fontSize: "0.8rem" }}>
                        {row.accessionNumber}
                      </div>
                    </td>
                    <td>
                      <span className={`badge priority-${row.priority}`}>{t(`priority.${row.priority}`)}</span> {t(`status.${row.status}`)}
                    </td>
                    <td>
                      <LocalDateTime date={row.submittedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
