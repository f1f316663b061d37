"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReportMeasurementDto } from "@/lib/domain/reports/report-measurement-schemas";
import { isForbiddenError } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

const NONE: ReportMeasurementDto[] = [];

/**
 * The measurements this reader sent to the request's report, from the server (never the tab):
 * every window of the reader shows the same list, refetched live on the
 * `report.measurements.changed` hint. Someone who may not write the report gets an empty list.
 */
export function useReportMeasurements(requestId: string, options: { enabled?: boolean } = {}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.reports.measurements.queryOptions({ requestId }, { enabled: options.enabled ?? true, retry: (failures, error) => !isForbiddenError(error) && failures < 1 }));
  return { measurements: query.data ?? NONE, error: query.error };
}
