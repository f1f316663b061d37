"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage, failureHidesContent } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { TemplateEditor } from "./template-editor";
import { TemplateVersions } from "./template-versions";

/**
 * One code: the editor, started from a pinned version, and the list of versions. The pin moves
 * only when this tab saves or the user reloads: a version saved elsewhere is announced, never
 * swapped in under the user's edits.
 */
export function TemplateWorkspace({ code, initialNotice }: { code: string; initialNotice: string | null }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.templates.versions.queryOptions({ code }));
  const [pinned, setPinned] = useState<number | null>(null);
  const [restored, setRestored] = useState<{ version: number; times: number } | null>(null);
  const [notice, setNotice] = useState(initialNotice);

  if (failureHidesContent(versions)) return <p className="form-error">{errorMessage(versions.error, t)}</p>;
  const latest = versions.data?.[0];
  if (!versions.data || !latest) return <p className="muted">{t("app.loading")}</p>;
  if (pinned === null) setPinned(latest.version);
  // Until the refetch after a save lands, the pinned version may not be listed yet: the editor
  // then stays as it is (same key) and takes the saved version once it arrives.
  const base = versions.data.find((v) => v.version === pinned) ?? latest;
  const source = (restored && versions.data.find((v) => v.version === restored.version)) || base;

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
  }

  return (
    <div className="tpl-stack">
      {latest.version > base.version && (
        <p className="warning" role="status" data-testid="template-newer">
          {t("templates.editor.newer", { version: latest.version })}
        </p>
      )}
      <TemplateEditor
        key={`${base.version}:${restored?.times ?? 0}`}
        code={code}
        expectedVersion={base.version}
        initial={{ title: source.title, purpose: source.purpose, modality: source.modality, definition: source.definition }}
        heading={t("templates.editor.editTitle", { title: base.title, version: base.version })}
        notice={restored ? t("templates.editor.restoredFrom", { version: restored.version }) : notice}
        onSaved={(saved) => {
          setNotice(t("templates.editor.saved", { version: saved.version }));
          setRestored(null);
          setPinned(saved.version);
          void refresh();
        }}
        onReload={() => {
          setNotice(null);
          setRestored(null);
          void versions.refetch().then((result) => setPinned(result.data?.[0]?.version ?? null));
          void refresh();
        }}
      />
      <TemplateVersions versions={versions.data} onRestore={(version) => setRestored({ version, times: (restored?.times ?? 0) + 1 })} />
    </div>
  );
}
