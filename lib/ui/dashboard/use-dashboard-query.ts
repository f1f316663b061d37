"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { DashboardQuery } from "@/lib/domain/dashboard/dashboard-schemas";
import { useTRPC } from "@/lib/trpc/react";

/**
 * The figures for the view on screen and the filter's choices. The previous figures stay on
 * screen while a new filter loads (no blank page between two views); `ready` tells whether
 * what is shown answers the current filter.
 */
export function useDashboardQuery(query: DashboardQuery) {
  const trpc = useTRPC();
  const view = useQuery({ ...trpc.dashboard.view.queryOptions(query), placeholderData: keepPreviousData });
  const options = useQuery(trpc.dashboard.options.queryOptions());
  const ready = view.data !== undefined && !view.isPlaceholderData && !view.isFetching;
  return { view, options, ready };
}
