"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";

/**
 * "Envois au PACS du site" on a request: each signed version's documents sent to the site's
 * PACS, with their state (queued, being sent, stored, failed with the PACS's answer). Shown to
 * everyone who sees the request, like the RIS messages; nothing when the site has no PACS
 * destination or nothing was signed yet.
 */
export function PacsExportsBlock(props: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.pacsExports.forRequest.queryOptions({ requestId: props.requestId }));
  const exports = query.data ?? [];
  if (exports.length === 0) return null;
  return (
    <section className="panel" style={{ marginTop: "1rem" }} data-testid="pacs-exports" aria-labelledby="pacs-exports-title">
      <h2 id="pacs-exports-title">{t("pacsExports.title")}</h2>
      <ul className="ris-messages">
        {exports.map((row) => (
          <li key={row.id} data-testid="pacs-export" data-state={row.state} className={`ris-message ris-message-${row.state === "STORED" ? "ACKNOWLEDGED" : row.state}`}>
            <div>
              <strong>
                {(row.sequence === 0 ? t("pacsExports.original") : t("pacsExports.addendum", { sequence: String(row.sequence) }))} · {t(`pacsExports.format.${row.format}`)}
              </strong>{" "}
              → {row.destinationLabel} <code>{row.aeTitle}</code>
            </div>
            <div>
              <span className="ris-message-state" data-testid="pacs-export-state">
                {t(`pacsExports.state.${row.state}`)}
              </span>
              {row.attempts > 0 && <span className="muted"> · {t("pacsExports.attempts", { count: String(row.attempts) })}</span>}
              {row.dimseStatus && <span className="muted"> · {t("pacsExports.status", { status: row.dimseStatus })}</span>}
              <span className="muted">
                {" "}
                · <LocalDateTime date={row.updatedAt} />
              </span>
            </div>
            {row.errorText && (
              <div className="form-error" data-testid="pacs-export-error" style={{ overflowWrap: "anywhere" }}>
                {row.errorText}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
