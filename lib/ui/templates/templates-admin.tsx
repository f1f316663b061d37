"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { TemplateEditor } from "./template-editor";
import { TemplateList } from "./template-list";
import { newTemplateDraft } from "./template-skeleton";
import { TemplateWorkspace } from "./template-workspace";

type Selection = { kind: "new"; attempt: number } | { kind: "code"; code: string; notice: string | null } | null;

/** /admin/templates: the list of templates, and the editor of the one selected (or a new one). */
export function TemplatesAdmin() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.templates.list.queryOptions());
  const [selection, setSelection] = useState<Selection>(null);
  const open = (code: string, notice: string | null = null) => setSelection({ kind: "code", code, notice });

  return (
    <div className="tpl-stack">
      {list.error && <p className="form-error">{errorMessage(list.error, t)}</p>}
      {list.data && (
        <TemplateList
          items={list.data}
          selected={selection?.kind === "code" ? selection.code : null}
          onSelect={(code) => open(code)}
          onNew={() => setSelection({ kind: "new", attempt: selection?.kind === "new" ? selection.attempt + 1 : 0 })}
        />
      )}
      {selection === null && <p className="muted">{t("templates.list.choose")}</p>}
      {selection?.kind === "new" && (
        <TemplateEditor
          key={`new:${selection.attempt}`}
          code={null}
          expectedVersion={null}
          initial={newTemplateDraft()}
          heading={t("templates.editor.newTitle")}
          notice={null}
          onSaved={(saved) => {
            void queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
            open(saved.code, t("templates.editor.saved", { version: saved.version }));
          }}
          onReload={(code) => open(code)}
        />
      )}
      {selection?.kind === "code" && <TemplateWorkspace key={selection.code} code={selection.code} initialNotice={selection.notice} />}
    </div>
  );
}
