"use client";

import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { TemplateDefinition } from "@/lib/domain/reports/template-definition";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage, serverFieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { DefinitionModeToggle, type DefinitionMode } from "./definition-mode-toggle";
import { TemplateForm } from "./form/template-form";
import { checkDefinition, checkDefinitionText, definitionPathOf, type DefinitionIssue } from "./template-check";
import { TemplateConflict, type Conflict } from "./template-conflict";
import { TemplateErrors } from "./template-errors";
import { TemplateMetaFields } from "./template-meta-fields";
import { TemplatePreview } from "./template-preview";
import { TemplateJsonPane } from "./template-json-pane";
import { formatDefinition, type TemplateDraft } from "./template-skeleton";

interface Props {
  /** null: a new template, whose code is typed here. */
  code: string | null;
  /** The version this edit starts from (null for a new code): the server refuses the save if it is no longer the latest. */
  expectedVersion: number | null;
  initial: TemplateDraft;
  heading: string;
  notice: string | null;
  onSaved: (saved: { code: string; version: number }) => void;
  /** After a conflict: start again from the latest version of `code`. */
  onReload: (code: string) => void;
}

/**
 * Edits a template in a form (sections and typed fields) or, for experts, as JSON, with a live
 * preview; both views edit the same definition, checked by the server's schema. Saving always
 * makes a new version.
 */
export function TemplateEditor({ code: fixedCode, expectedVersion, initial, heading, notice, onSaved, onReload }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const [meta, setMeta] = useState({ title: initial.title, purpose: initial.purpose, modality: initial.modality });
  const [model, setModel] = useState<TemplateDefinition>(initial.definition);
  // The JSON text while the JSON view is open; null in the form.
  const [json, setJson] = useState<string | null>(null);
  const [leaveRefused, setLeaveRefused] = useState(false);
  const [showIssues, setShowIssues] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const check = useMemo(() => (json === null ? checkDefinition(model) : checkDefinitionText(json)), [json, model]);
  // While the JSON is being typed the preview keeps the last readable definition.
  const [lastValid, setLastValid] = useState<TemplateDefinition | null>(check.ok ? check.definition : null);
  if (check.ok && check.definition !== lastValid) setLastValid(check.definition);
  const preview = json === null ? model : lastValid;

  const save = useMutation(
    trpc.templates.save.mutationOptions({
      onMutate: () => (setConflict(null), setFailure(null), setFieldErrors({})),
      onSuccess: (saved) => onSaved(saved),
      onError: (error) => {
        const data = (error.data ?? {}) as { appCode?: string | null; details?: Record<string, unknown> | null };
        if (data.appCode === "REPORT_CONFLICT") {
          const latest = data.details?.latestVersion;
          return setConflict({ code: fixedCode ?? code.trim(), latestVersion: typeof latest === "number" ? latest : null, isNew: fixedCode === null });
        }
        const fields = serverFieldErrors(error);
        setFieldErrors(fields);
        if (Object.keys(fields).some((path) => definitionPathOf(path))) setShowIssues(true);
        setFailure(errorMessage(error, t));
      },
    }),
  );

  const serverIssues: DefinitionIssue[] = Object.entries(fieldErrors).flatMap(([dotted, key]) => {
    const path = definitionPathOf(dotted);
    return path ? [{ path, key: key as DefinitionIssue["key"] }] : [];
  });
  const issues = check.ok ? serverIssues : check.issues;

  function onSave() {
    setShowIssues(true);
    if (!check.ok) return;
    save.mutate({ code: fixedCode ?? code.trim(), expectedVersion, ...meta, title: meta.title.trim(), definition: check.definition });
  }

  function changeMode(mode: DefinitionMode) {
    if (mode === "json") {
      if (json === null) setJson(formatDefinition(model));
      return;
    }
    if (json === null) return;
    // Unchanged text goes back to the form as it was, even a form not valid yet.
    if (json === formatDefinition(model)) return (setJson(null), setLeaveRefused(false));
    const read = checkDefinitionText(json);
    if (!read.ok) return (setLeaveRefused(true), setShowIssues(true));
    setModel(read.definition);
    setJson(null);
    setLeaveRefused(false);
  }

  return (
    <section className="panel" data-testid="template-editor" aria-labelledby="template-editor-heading">
      <h2 id="template-editor-heading">{heading}</h2>
      {notice && (
        <p className="notice" role="status" data-testid="template-notice">
          {notice}
        </p>
      )}
      <TemplateMetaFields code={fixedCode === null ? { value: code, onChange: setCode } : null} meta={meta} onChange={setMeta} errors={fieldErrors} />
      <div className="tpl-layout">
        <div>
          <DefinitionModeToggle mode={json === null ? "form" : "json"} onChange={changeMode} />
          {leaveRefused && json !== null && (
            <div className="warning" role="alert" data-testid="json-leave-refused">
              <p style={{ margin: "0 0 0.4rem" }}>{t("templates.form.jsonInvalid")}</p>
              <button type="button" className="secondary" onClick={() => (setJson(null), setLeaveRefused(false))}>
                {t("templates.form.discardJson")}
              </button>
            </div>
          )}
          {json === null ? (
            <TemplateForm definition={model} onChange={setModel} issues={showIssues ? issues : []} />
          ) : (
            <TemplateJsonPane json={json} invalid={showIssues && issues.length > 0} onChange={setJson} />
          )}
          <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap", margin: "0.75rem 0 0.5rem" }}>
            <button type="button" className="secondary" data-testid="template-validate" onClick={() => setShowIssues(true)}>
              {t("templates.editor.validate")}
            </button>
            <button type="button" data-testid="template-save" disabled={save.isPending} onClick={onSave}>
              {save.isPending ? t("templates.editor.saving") : t("templates.editor.save")}
            </button>
          </div>
          {showIssues && <TemplateErrors issues={issues} raw={check.raw} />}
          {conflict && <TemplateConflict conflict={conflict} onReload={onReload} />}
          {failure && !conflict && (
            <p className="form-error" role="alert" data-testid="template-save-error">
              {failure}
            </p>
          )}
        </div>
        <div className="tpl-preview-column">
          <h3 style={{ marginTop: 0 }}>{t("templates.preview.title")}</h3>
          <p className="muted" style={{ fontSize: "0.8rem", margin: "0.2rem 0 0.5rem" }}>
            {json === null || check.ok ? t("templates.preview.hint") : t("templates.preview.stale")}
          </p>
          {preview && <TemplatePreview definition={preview} />}
        </div>
      </div>
    </section>
  );
}
