"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { allFields, reportValuesSchema, type FieldValue, type ReportValues } from "@/lib/domain/reports/template-definition";
import { reconcileServerDraft } from "@/lib/domain/reports/draft-sync";
import { mergeValues } from "@/lib/domain/reports/merge-values";
import { missingRequiredFields } from "@/lib/domain/reports/template-values";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { ReportDraftDto, TemplateSummary } from "@/lib/server/services/reports/report-dto";
import { errorMessage, isUnauthenticatedError } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { ConflictBanner } from "./conflict-banner";
import { DroppedAfterSwitch, droppedEntry, type DroppedEntry } from "./dropped-after-switch";
import { FieldInput } from "./field-input";
import { MeasurementPicker } from "./measurement-picker";
import { SaveStatus } from "./save-status";
import { SignForm } from "./sign-form";
import { TemplateSwitcher } from "./template-switcher";
import { useDraftAutosave } from "./use-draft-autosave";
import { announceSessionOver } from "../session/kept-forms";
import { useKeptForm } from "../session/use-kept-form";

function parseReportValues(raw: unknown): ReportValues | null {
  const parsed = reportValuesSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * The holder's draft: the template's sections as a form, saved as you type, measurements from
 * the viewer insertable into the last focused text field, and signing at the bottom.
 */
export function ReportEditor(props: { requestId: string; draft: ReportDraftDto; templates: TemplateSummary[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { draft } = props;
  const [values, setValues] = useState<ReportValues>(draft.values);
  const [focused, setFocused] = useState<string | null>(null);
  const [mergeNote, setMergeNote] = useState<string[] | null>(null);
  const [dropped, setDropped] = useState<DroppedEntry[]>([]);
  // The version our template switch produced: the server copy at that version is ours to merge.
  const [switchedTo, setSwitchedTo] = useState(0);
  const autosave = useDraftAutosave({ requestId: props.requestId, draftId: draft.id, initialVersion: draft.draftVersion, initialSavedAt: draft.updatedAt, initialValues: draft.values });
  const onScreen = useRef(values);
  onScreen.current = values;
  // What was typed after the session ended is kept in the tab and saved again once signed in
  // (a draft changed meanwhile by someone else meets the usual conflict and merge).
  useKeptForm(`report-draft-${draft.id}`, values, parseReportValues, (kept) => {
    setValues(kept);
    autosave.schedule(kept);
  });
  const sessionOver = autosave.state.kind === "error" && isUnauthenticatedError(autosave.state.error);
  useEffect(() => {
    if (sessionOver) announceSessionOver();
  }, [sessionOver]);
  const fields = useMemo(() => allFields(draft.definition), [draft.definition]);

  // The labels of the form before a switch, to name what the new template has no field for.
  const previousFields = useRef(fields);
  useEffect(() => {
    previousFields.current = fields;
  }, [fields]);
  // A refetched copy of the draft (after a template switch, a hint, a reconnection) never
  // overwrites what was typed: lib/domain/reports/draft-sync.ts decides. A layout effect, so that
  // no keystroke slips in between the new copy's render and the merge.
  const { rebase, saving, version, acknowledged } = autosave;
  useLayoutEffect(() => {
    const result = reconcileServerDraft(
      { values: onScreen.current, version: version.current, base: acknowledged.current, saving: saving(), ownVersion: Math.max(version.current, switchedTo) },
      { draftVersion: draft.draftVersion, values: draft.values, fieldIds: fields.map(({ field }) => field.id) },
    );
    if (result.kind !== "adopt") return;
    setValues(result.values);
    onScreen.current = result.values;
    if (result.dropped.length > 0) {
      setDropped(result.dropped.map((entry) => droppedEntry(previousFields.current, entry.fieldId, entry.value, t)));
    }
    rebase(result.version, result.base, result.unsaved ? result.values : null);
  }, [draft, fields, switchedTo, autosave.state.kind, rebase, saving, version, acknowledged, t]);
  const missing = useMemo(() => missingRequiredFields(draft.definition, values), [draft.definition, values]);
  const missingIds = new Set(missing.map((m) => m.fieldId));

  const change = (fieldId: string, value: FieldValue) => {
    const next = { ...values, [fieldId]: value };
    setValues(next);
    autosave.schedule(next);
  };
  const focusedText = fields.find(({ field }) => field.id === focused && field.kind === "text")?.field ?? null;
  const insertMeasurement = (text: string) => {
    if (!focusedText) return;
    const current = values[focusedText.id];
    change(focusedText.id, typeof current === "string" && current.trim() !== "" ? `${current}\n${text}` : text);
  };

  // The other editor's version, fetched as soon as a conflict is found (saves publish no hint).
  const conflicted = autosave.state.kind === "conflict";
  useEffect(() => {
    if (conflicted) void queryClient.invalidateQueries({ queryKey: trpc.reports.forRequest.queryKey({ requestId: props.requestId }) });
  }, [conflicted, queryClient, trpc, props.requestId]);
  const theirs = queryClient.getQueryData(trpc.reports.forRequest.queryKey({ requestId: props.requestId }))?.draft ?? null;
  const refetch = () => queryClient.invalidateQueries({ queryKey: trpc.reports.forRequest.queryKey({ requestId: props.requestId }) });
  const merge = async () => {
    await refetch();
    const server = queryClient.getQueryData(trpc.reports.forRequest.queryKey({ requestId: props.requestId }))?.draft;
    if (!server) return;
    const result = mergeValues(autosave.acknowledged.current, values, server.values);
    setValues(result.merged);
    setMergeNote(result.conflicts.map((id) => fields.find(({ field }) => field.id === id)?.field.label ?? id));
    autosave.rebase(server.draftVersion, server.values, result.merged);
  };
  const reload = async () => {
    await refetch();
    const server = queryClient.getQueryData(trpc.reports.forRequest.queryKey({ requestId: props.requestId }))?.draft;
    if (!server) return;
    setValues(server.values);
    setMergeNote(null);
    autosave.rebase(server.draftVersion, server.values, null);
  };

  return (
    <div data-testid="report-editor" data-draft-kind={draft.kind}>
      <p className="muted">
        {draft.kind === "ADDENDUM" ? t("report.addendumTitle", { n: String(draft.sequence) }) : t("report.draftTitle")} · {draft.template.title} (v{draft.template.version})
      </p>
      {draft.kind === "ORIGINAL" && (
        <TemplateSwitcher
          requestId={props.requestId}
          draft={draft}
          templates={props.templates}
          beforeChange={async () => {
            const ok = await autosave.flush();
            if (ok) autosave.pause();
            return ok;
          }}
          onChanged={setSwitchedTo}
          onFailed={autosave.resume}
          version={autosave.version}
        />
      )}
      <DroppedAfterSwitch entries={dropped} onDismiss={() => setDropped([])} />
      <SaveStatus state={autosave.state} />
      {autosave.state.kind === "conflict" && <ConflictBanner theirs={theirs} onMerge={() => void merge()} onReload={() => void reload()} />}
      {mergeNote && (
        <p className="notice" role="status" data-testid="merge-note">
          {mergeNote.length === 0 ? t("report.conflict.merged") : t("report.conflict.mergedKeepingMine", { fields: mergeNote.join(", ") })}
        </p>
      )}
      <MeasurementPicker requestId={props.requestId} targetLabel={focusedText?.label ?? null} onInsert={insertMeasurement} />
      {draft.definition.sections.map((section) => (
        <fieldset key={section.id} className="report-section" data-section={section.id}>
          <legend>{section.title}</legend>
          {section.fields.map((field) => (
            <FieldInput key={field.id} field={field} value={values[field.id] ?? null} missing={missingIds.has(field.id)} onChange={(v) => change(field.id, v)} onFocus={() => setFocused(field.id)} />
          ))}
        </fieldset>
      ))}
      <SignForm requestId={props.requestId} draftId={draft.id} missing={missing.map((m) => m.label)} flush={autosave.flush} version={autosave.version} />
      {autosave.state.kind === "error" && <p className="action-error">{errorMessage(autosave.state.error, t)}</p>}
    </div>
  );
}
