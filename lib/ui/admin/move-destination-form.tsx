"use client";

import { useState, type FormEvent } from "react";
import { checkMoveDestination, type DestinationField, type DestinationProblem, type MoveDestinationValues } from "@/lib/domain/network/move-destination";
import { checkReportDestination } from "@/lib/domain/network/report-destination";
import { useI18n } from "@/lib/i18n/i18n-provider";

export interface DestinationFields {
  siteId: string;
  label: string;
  aeTitle: string;
  host: string;
  port: string;
  /** A report destination's formats (PACS du site); absent for a C-MOVE destination. */
  sendPdf?: boolean;
  sendSr?: boolean;
}

export const EMPTY_DESTINATION: DestinationFields = { siteId: "", label: "", aeTitle: "", host: "", port: "104" };

/**
 * The fields of a DICOM node: a C-MOVE destination, or with its formats (PDF, SR) a site PACS
 * that receives the signed reports, for adding and editing. The domain rule runs here first, so
 * that each field at fault is named in the user's language; the server's answer (an AE title
 * already taken at the site) comes back through `serverProblem`.
 */
export function MoveDestinationForm(props: {
  initial: DestinationFields;
  /** Sites to choose from when adding; none when editing (the site does not change). */
  sites?: readonly { id: string; code: string; name: string }[];
  serverProblem: DestinationProblem | null;
  submitLabel: string;
  pending: boolean;
  onSubmit: (values: MoveDestinationValues & { siteId: string; sendPdf?: boolean; sendSr?: boolean }) => void;
  onCancel?: () => void;
  testId: string;
  /** Whose labels: the C-MOVE destinations' (default) or the report destinations'. */
  messages?: "moveDestinations" | "reportDestinations";
}) {
  const { t } = useI18n();
  const [fields, setFields] = useState(props.initial);
  const [problems, setProblems] = useState<DestinationProblem[]>([]);
  const [siteMissing, setSiteMissing] = useState(false);
  const set = (key: "siteId" | "label" | "aeTitle" | "host" | "port", value: string) => setFields((current) => ({ ...current, [key]: value }));
  const shown = props.serverProblem ? [...problems, props.serverProblem] : problems;
  const problemOf = (field: DestinationField) => shown.find((problem) => problem.field === field);
  const id = (field: string) => `${props.testId}-${field}`;
  const prefix = props.messages ?? "moveDestinations";
  const withFormats = fields.sendPdf !== undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const check = withFormats ? checkReportDestination({ ...fields, sendPdf: fields.sendPdf === true, sendSr: fields.sendSr === true }) : checkMoveDestination(fields);
    const noSite = props.sites !== undefined && !fields.siteId;
    setSiteMissing(noSite);
    setProblems(check.ok ? [] : check.problems);
    if (check.ok && !noSite) props.onSubmit({ ...check.value, siteId: fields.siteId });
  }

  const problemText = (problem: DestinationProblem) => (
    <span className="field-error" id={id(`${problem.field}-error`)} role="alert">
      {t(`moveDestinations.problem.${problem.code}`)}
    </span>
  );
  const field = (name: Exclude<DestinationField, "formats">, input: React.ReactNode) => {
    const problem = problemOf(name);
    return (
      <label>
        {t(`${prefix}.${name}`)}
        {input}
        {problem && problemText(problem)}
      </label>
    );
  };
  const formatsProblem = problemOf("formats");
  const describedBy = (name: DestinationField) => (problemOf(name) ? id(`${name}-error`) : undefined);

  return (
    <form className="account-form" onSubmit={submit} data-testid={props.testId} noValidate>
      {props.sites && (
        <label>
          {t(`${prefix}.site`)}
          <select name="siteId" value={fields.siteId} onChange={(e) => set("siteId", e.target.value)} required aria-invalid={siteMissing || undefined}>
            <option value="">{t("form.choose")}</option>
            {props.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.code} · {site.name}
              </option>
            ))}
          </select>
          {siteMissing && (
            <span className="field-error" role="alert">
              {t("validation.choose")}
            </span>
          )}
        </label>
      )}
      {field("label", <input name="label" value={fields.label} onChange={(e) => set("label", e.target.value)} autoComplete="off" required aria-invalid={!!problemOf("label") || undefined} aria-describedby={describedBy("label")} />)}
      {field(
        "aeTitle",
        <input name="aeTitle" value={fields.aeTitle} onChange={(e) => set("aeTitle", e.target.value)} autoComplete="off" spellCheck={false} required aria-invalid={!!problemOf("aeTitle") || undefined} aria-describedby={describedBy("aeTitle")} />,
      )}
      {field("host", <input name="host" value={fields.host} onChange={(e) => set("host", e.target.value)} autoComplete="off" spellCheck={false} required aria-invalid={!!problemOf("host") || undefined} aria-describedby={describedBy("host")} />)}
      {field("port", <input name="port" inputMode="numeric" value={fields.port} onChange={(e) => set("port", e.target.value)} autoComplete="off" required aria-invalid={!!problemOf("port") || undefined} aria-describedby={describedBy("port")} />)}
      {withFormats && (
        <fieldset className="destination-formats" style={{ gridColumn: "1 / -1" }} aria-invalid={!!formatsProblem || undefined} aria-describedby={describedBy("formats")}>
          <legend>{t("reportDestinations.formats")}</legend>
          <label className="checkbox">
            <input type="checkbox" name="sendPdf" checked={fields.sendPdf === true} onChange={(e) => setFields((current) => ({ ...current, sendPdf: e.target.checked }))} />
            {t("reportDestinations.pdf")}
          </label>
          <label className="checkbox">
            <input type="checkbox" name="sendSr" checked={fields.sendSr === true} onChange={(e) => setFields((current) => ({ ...current, sendSr: e.target.checked }))} />
            {t("reportDestinations.sr")}
          </label>
          {formatsProblem && problemText(formatsProblem)}
        </fieldset>
      )}
      <div className="account-form-actions">
        <button type="submit" disabled={props.pending}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t(`${prefix}.cancel`)}
          </button>
        )}
      </div>
    </form>
  );
}
