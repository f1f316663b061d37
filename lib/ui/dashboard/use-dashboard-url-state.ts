"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { DashboardQuery } from "@/lib/domain/dashboard/dashboard-schemas";
import { dashboardSearch, parseDashboardSearch } from "./dashboard-url-state";

/**
 * The dashboard's view, read from and written to the query string. Written with the native
 * history API, which Next's router follows (useSearchParams updates) without a server round
 * trip: the page's server render would otherwise recompute the figures a second time.
 */
export function useDashboardUrlState(today: string): [DashboardQuery, (next: DashboardQuery, mode?: "push" | "replace") => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const query = useMemo(() => parseDashboardSearch(new URLSearchParams(searchParams.toString()), today), [searchParams, today]);
  const update = useCallback(
    (next: DashboardQuery, mode: "push" | "replace" = "replace") => {
      const search = dashboardSearch(next, today);
      const url = search === "" ? pathname : `${pathname}?${search}`;
      // A new filter is a step back can undo; a change of breakdown or focus just refines the view.
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname, today],
  );
  return [query, update];
}
