"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { RequestDetail } from "@/lib/server/services/requests/get-request";
import { LocalDateTime } from "../local-date-time";

export function Fact(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.children}</dd>
    </>
  );
}

/**
 * The head of every printed page of a request: what the exam is, its numbers, who the patient
 * is and where the request comes from. A sheet of paper leaves the screen's context behind:
 * it must name its patient by itself.
 */
export function PrintRequestFacts({ request, title }: { request: RequestDetail; title: string }) {
  const { t } = useI18n();
  const notGiven = t("detail.notGiven");
  return (
    <>
      <header className="print-sheet-head">
        <h1>{title}</h1>
        <p>
          <strong>{t(`priority.${request.priority}`)}</strong> · {t(`requestType.${request.type}`)} · {request.modality} {request.bodyRegion}
        </p>
        <p>
          {t("print.accession")} <strong data-testid="sheet-accession">{request.accessionNumber}</strong>
          {request.siteAccessionNumber && ` · ${t("print.siteAccession")} ${request.siteAccessionNumber}`}
        </p>
      </header>
      <div className="print-sheet-grid">
        <div>
          <h2>{t("print.identity")}</h2>
          <dl className="facts">
            <Fact label={t("detail.patient")} testId="sheet-patient">
              {request.patient.familyName.toUpperCase()} {request.patient.givenName}
            </Fact>
            <Fact label={t("detail.birthDate")}>{request.patient.birthDate}</Fact>
            <Fact label={t("form.sex")}>{t(`sex.${request.patient.sex}`)}</Fact>
            <Fact label={t("form.sitePatientId")}>{request.patientIdentity.sitePatientId}</Fact>
            <Fact label={t("detail.ins")}>{request.patientIdentity.ins ?? notGiven}</Fact>
          </dl>
        </div>
        <div>
          <h2>{t("print.request")}</h2>
          <dl className="facts">
            <Fact label={t("worklist.columns.site")} testId="sheet-site">
              {request.site.name}
            </Fact>
            <Fact label={t("detail.requester")}>{request.requester.name}</Fact>
            <Fact label={t("detail.submittedAt")}>
              <LocalDateTime date={request.submittedAt} />
            </Fact>
            <Fact label={t("worklist.columns.status")}>{t(`status.${request.status}`)}</Fact>
          </dl>
        </div>
      </div>
    </>
  );
}

/** Above the printed report (and only there): the patient and the request it belongs to. */
export function ReportPrintHead({ request }: { request: RequestDetail }) {
  const { t } = useI18n();
  return (
    <section className="print-report-head" data-testid="report-print-head">
      <PrintRequestFacts request={request} title={t("print.reportTitle")} />
    </section>
  );
}
