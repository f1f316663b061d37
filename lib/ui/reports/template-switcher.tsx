"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type RefObject } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { ReportDraftDto, TemplateSummary } from "@/lib/server/services/reports/report-dto";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

/**
 * Another template for the draft: shared fields keep their values, the rest take defaults.
 * The form stays editable meanwhile: `beforeChange` sends what was typed and holds the next
 * saves, `onChanged` names the version the switch produced (the editor then merges what was
 * typed since into the new form), `onFailed` lets the held saves go.
 */
export function TemplateSwitcher(props: {
  requestId: string;
  draft: ReportDraftDto;
  templates: TemplateSummary[];
  beforeChange: () => Promise<boolean>;
  onChanged: (draftVersion: number) => void;
  onFailed: () => void;
  version: RefObject<number>;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [templateId, setTemplateId] = useState(props.draft.template.id);
  const change = useMutation(
    trpc.reports.changeTemplate.mutationOptions({
      onSuccess: (result) => props.onChanged(result.draftVersion),
      onError: () => props.onFailed(),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.reports.forRequest.queryKey({ requestId: props.requestId }) }),
    }),
  );
  const apply = async () => {
    if (!(await props.beforeChange())) return;
    change.mutate({ requestId: props.requestId, draftId: props.draft.id, draftVersion: props.version.current, templateId });
  };
  return (
    <div className="field inline-field">
      <label htmlFor="report-template">{t("report.template")}</label>
      <select id="report-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
        {props.templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.title}
          </option>
        ))}
      </select>{" "}
      <button type="button" className="secondary" disabled={templateId === props.draft.template.id || change.isPending} onClick={() => void apply()}>
        {t("report.changeTemplate")}
      </button>
      {change.error && <span className="action-error"> {errorMessage(change.error, t)}</span>}
    </div>
  );
}
