"use client";

import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { TemplateVersionDto } from "@/lib/server/services/templates/template-admin-dto";
import { LocalDateTime } from "../local-date-time";
import { TemplatePreview } from "./template-preview";
import { formatDefinition } from "./template-skeleton";

/** Every version of a code, newest first; any one can be read (never changed) or taken as a starting point. */
export function TemplateVersions({ versions, onRestore }: { versions: TemplateVersionDto[]; onRestore: (version: number) => void }) {
  const { t } = useI18n();
  const [viewed, setViewed] = useState<number | null>(null);
  const shown = versions.find((v) => v.version === viewed) ?? null;
  return (
    <section className="panel" data-testid="template-versions">
      <h2>{t("templates.versions.title")}</h2>
      <div className="table-scroll">
        <table className="worklist">
          <thead>
            <tr>
              <th>{t("templates.versions.version")}</th>
              <th>{t("templates.versions.date")}</th>
              <th>{t("templates.versions.author")}</th>
              <th>{t("templates.versions.reports")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {versions.map((version, index) => (
              <tr key={version.id} data-testid="template-version" data-version={version.version}>
                <td>
                  v{version.version} {index === 0 && <span className="badge">{t("templates.versions.current")}</span>}
                </td>
                <td>
                  <LocalDateTime date={version.createdAt} />
                </td>
                <td>{version.createdBy?.name ?? t("templates.system")}</td>
                <td>{version.reportCount}</td>
                <td style={{ display: "flex", gap: "0.4rem", flexWrap: "wrap" }}>
                  <button type="button" className="secondary" aria-expanded={viewed === version.version} onClick={() => setViewed(viewed === version.version ? null : version.version)}>
                    {viewed === version.version ? t("templates.versions.hide") : t("templates.versions.view")}
                  </button>
                  {index > 0 && (
                    <button type="button" className="secondary" onClick={() => onRestore(version.version)}>
                      {t("templates.versions.restore")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown && (
        <div data-testid="template-version-view" style={{ marginTop: "0.75rem" }}>
          <p className="muted">{t("templates.versions.readOnly", { version: shown.version })}</p>
          <p>
            <strong>{shown.title}</strong> — {t(`templates.purpose.${shown.purpose}`)} — {shown.modality ? t(`modality.${shown.modality}`) : t("templates.anyModality")}
          </p>
          <div className="tpl-layout">
            <textarea
              readOnly
              aria-label={t("templates.editor.definition")}
              value={formatDefinition(shown.definition)}
              rows={20}
              spellCheck={false}
              style={{ width: "100%", fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: "0.85rem", whiteSpace: "pre" }}
            />
            <TemplatePreview definition={shown.definition} testId="template-version-preview" />
          </div>
        </div>
      )}
    </section>
  );
}
