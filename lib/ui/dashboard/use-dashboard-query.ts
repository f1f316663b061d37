"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DashboardQuery } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DashboardView } from "@/lib/domain/dashboard/dashboard-view";
import { useTRPC } from "@/lib/trpc/react";

/**
 * The figures for the view on screen and the filter's choices. The previous figures stay on
 * screen while a new filter loads (no blank page between two views); `ready` tells whether
 * what is shown answers the current filter, and `shownQuery` which query they do answer, so
 * that a click on a figure still on screen lists that figure's requests, not the next ones.
 */
export function useDashboardQuery(query: DashboardQuery) {
  const trpc = useTRPC();
  const view = useQuery({ ...trpc.dashboard.view.queryOptions(query), placeholderData: keepPreviousData });
  const options = useQuery(trpc.dashboard.options.queryOptions());
  const ready = view.data !== undefined && !view.isPlaceholderData && !view.isFetching;
  // Remembered from the render that received the figures (React's "state from the previous
  // render" pattern): a placeholder keeps the figures, and this keeps the query they answer.
  const [answered, setAnswered] = useState<{ data: DashboardView; query: DashboardQuery } | null>(null);
  if (view.data !== undefined && !view.isPlaceholderData && answered?.data !== view.data) setAnswered({ data: view.data, query });
  const shownQuery = view.isPlaceholderData && answered !== null ? answered.query : query;
  return { view, options, ready, shownQuery };
}
