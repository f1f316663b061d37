"use client";

import { useQueries } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import type { DrillSelection } from "./drill-selection";
import { DrillRowsTable } from "./drill-rows-table";
import { ExportLink } from "./export-link";

const PAGE = 50;

/**
 * The requests behind the clicked figure, a page at a time ("show more" asks the next offset;
 * the pages already shown stay cached). Keyed by the selection by its parent, so a new click
 * starts again from the first page.
 */
export function DrillDownPanel(props: { selection: DrillSelection; onClose: () => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [pages, setPages] = useState(1);
  const heading = useRef<HTMLHeadingElement>(null);
  const { input, what } = props.selection;

  // Focus moves to the panel, so that keyboard and screen-reader users land on the list.
  useEffect(() => heading.current?.focus(), []);

  const results = useQueries({
    queries: Array.from({ length: pages }, (_, page) => trpc.dashboard.drillDown.queryOptions({ ...input, offset: page * PAGE, limit: PAGE })),
  });
  const rows = results.flatMap((result) => result.data?.rows ?? []);
  const total = results[0]?.data?.total;
  const loading = results.some((result) => result.isPending);
  const error = results.find((result) => result.error)?.error;

  return (
    <aside
      className="dash-drill panel"
      data-testid="dash-drill"
      data-state={loading ? "loading" : "ready"}
      aria-labelledby="dash-drill-title"
      onKeyDown={(event) => {
        if (event.key === "Escape") props.onClose();
      }}
    >
      <div className="dash-section-head">
        <h2 id="dash-drill-title" ref={heading} tabIndex={-1}>
          {t("dashboard.drill.title", { what })}
          {total !== undefined && (
            <span className="dash-drill-total" data-testid="dash-drill-total">
              {t("dashboard.drill.total", { total: total.toLocaleString(locale) })}
            </span>
          )}
        </h2>
        <button type="button" className="secondary" onClick={props.onClose} data-testid="dash-drill-close">
          {t("dashboard.drill.close")}
        </button>
      </div>
      <p>
        <ExportLink table="dashboard-drilldown" input={input} />
      </p>
      {error && <p className="form-error">{errorMessage(error, t)}</p>}
      {rows.length > 0 && <DrillRowsTable rows={rows} />}
      {total === 0 && <p className="muted">{t("dashboard.drill.empty")}</p>}
      {loading && <p className="muted">{t("app.loading")}</p>}
      {!loading && total !== undefined && rows.length < total && (
        <button type="button" className="secondary" onClick={() => setPages((count) => count + 1)} data-testid="dash-drill-more">
          {t("dashboard.drill.loadMore")}
        </button>
      )}
    </aside>
  );
}
