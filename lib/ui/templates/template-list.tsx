"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { TemplateListItemDto } from "@/lib/server/services/templates/template-admin-dto";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";

/** Every code with its latest version; "Proposé" offers or hides the code (all its versions). */
export function TemplateList(props: { items: TemplateListItemDto[]; selected: string | null; onSelect: (code: string) => void; onNew: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: "notice" | "error"; text: string } | null>(null);
  const toggle = useMutation(
    trpc.templates.setActive.mutationOptions({
      onMutate: () => setMessage(null),
      onSuccess: ({ code, active }) => setMessage({ kind: "notice", text: t(active ? "templates.list.activated" : "templates.list.deactivated", { code }) }),
      onError: (error) => setMessage({ kind: "error", text: errorMessage(error, t) }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() }),
    }),
  );
  return (
    <section className="panel">
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: "1rem" }}>
        <h2 style={{ margin: 0 }}>{t("templates.list.title")}</h2>
        <button type="button" data-testid="template-new" onClick={props.onNew}>
          {t("templates.list.new")}
        </button>
      </div>
      {props.items.length === 0 ? (
        <p className="muted">{t("templates.list.empty")}</p>
      ) : (
        // Wider than a phone: the table scrolls inside its panel rather than widening the page.
        <div className="table-scroll">
          <table className="worklist" data-testid="templates-list" style={{ marginTop: "0.5rem" }}>
            <thead>
              <tr>
                <th>{t("templates.list.name")}</th>
                <th>{t("templates.list.code")}</th>
                <th>{t("templates.list.purpose")}</th>
                <th>{t("templates.list.modality")}</th>
                <th>{t("templates.list.version")}</th>
                <th>{t("templates.list.updated")}</th>
                <th>{t("templates.list.active")}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr
                  key={item.code}
                  data-testid="template-row"
                  data-code={item.code}
                  aria-current={props.selected === item.code ? "true" : undefined}
                  style={{ opacity: item.active ? 1 : 0.6, fontWeight: props.selected === item.code ? 700 : undefined }}
                >
                  <td>
                    <button type="button" className="link" onClick={() => props.onSelect(item.code)} style={{ background: "none", border: "none", padding: 0, color: "inherit", textDecoration: "underline", cursor: "pointer", fontWeight: "inherit" }}>
                      {item.title}
                    </button>
                  </td>
                  <td>
                    <code>{item.code}</code>
                  </td>
                  <td>{t(`templates.purpose.${item.purpose}`)}</td>
                  <td>{item.modality ? t(`modality.${item.modality}`) : t("templates.anyModality")}</td>
                  <td>
                    v{item.latestVersion} <span className="muted">({t("templates.list.versionCount", { count: item.versionCount })})</span>
                  </td>
                  <td>
                    <LocalDateTime date={item.updatedAt} /> <span className="muted">— {item.updatedBy?.name ?? t("templates.system")}</span>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      data-testid="template-active"
                      aria-label={`${t("templates.list.active")} : ${item.title}`}
                      checked={item.active}
                      disabled={toggle.isPending}
                      onChange={(e) => toggle.mutate({ code: item.code, active: e.target.checked })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {message && (
        <p className={message.kind === "error" ? "form-error" : "notice"} role="status" data-testid="template-list-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
