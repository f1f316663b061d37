"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MY_REQUESTS_FILTERS, MY_REQUESTS_PAGE, type MyRequestsFilter } from "@/lib/domain/reports/delivery-schemas";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { MyRequestsTable } from "./my-requests-table";

/**
 * The referring physician's own requests, newest first, page by page. Live: a change to any
 * of them (a report signed, an addendum, a critical finding) refetches the list.
 */
export function MyRequestsView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [filter, setFilter] = useState<MyRequestsFilter>("ALL");
  const query = useInfiniteQuery(
    trpc.portal.myRequests.infiniteQueryOptions({ filter, limit: MY_REQUESTS_PAGE }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section data-testid="my-requests">
      <div role="group" aria-label={t("portal.filters.label")} className="filters" style={{ alignItems: "center", gap: "0.5rem" }}>
        <span className="muted">{t("portal.filters.label")} :</span>
        {MY_REQUESTS_FILTERS.map((value) => (
          <button
            key={value}
            type="button"
            className={value === filter ? undefined : "secondary"}
            aria-pressed={value === filter}
            data-testid={`my-requests-filter-${value}`}
            onClick={() => setFilter(value)}
          >
            {t(`portal.filters.${value}`)}
          </button>
        ))}
      </div>
      {query.error && <p className="form-error">{errorMessage(query.error, t)}</p>}
      {query.isPending && <p className="muted">{t("app.loading")}</p>}
      {query.data && rows.length === 0 && <p className="panel muted">{filter === "ALL" ? t("portal.empty") : t("portal.emptyFilter")}</p>}
      {rows.length > 0 && <MyRequestsTable rows={rows} />}
      {query.hasNextPage && (
        <p>
          <button type="button" className="secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t("portal.loadMore")}
          </button>
        </p>
      )}
    </section>
  );
}
