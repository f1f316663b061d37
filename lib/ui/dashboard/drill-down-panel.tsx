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
 * starts again from the first page. Focus moves to the panel's title on opening, and back to
 * the clicked figure on closing, so that a keyboard user goes on from where they were.
 */
export function DrillDownPanel(props: { selection: DrillSelection; onClose: () => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [pages, setPages] = useState(1);
  const heading = useRef<HTMLHeadingElement>(null);
  const { input, what } = props.selection;
  // Read while rendering, before the heading takes the focus: the figure the click focused.
  const [opener] = useState(() => (typeof document === "undefined" ? null : document.activeElement));

  useEffect(() => {
    heading.current?.focus();
    return () => {
      // Only when the focus went away with the panel (not when the user moved it elsewhere,
      // e.g. to the filters' Apply), and only to a figure still there (a redrawn chart has
      // replaced its elements).
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && (opener instanceof HTMLElement || opener instanceof SVGElement) && opener.isConnected) opener.focus();
    };
  }, [opener]);

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
          {what}
          {total !== undefined && (
            <>
              {" — "}
              <span className="dash-drill-total" data-testid="dash-drill-total">
                {t("dashboard.drill.total", { total: total.toLocaleString(locale) })}
              </span>
            </>
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
