"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/react";
import type { Measurement } from "@/lib/viewer/measurements";
import { useReportMeasurements } from "../reports/use-report-measurements";

export type SendState = { kind: "idle" } | { kind: "sending" } | { kind: "sent" } | { kind: "failed"; error: unknown };

/**
 * "Envoyer au compte rendu": a measurement is "sent" only once the server stored it (its
 * answer, or the reader's list from the server), never on the click alone, so a viewer in a
 * second window that lost its session or its network does not claim what did not happen.
 */
export function useSendToReport(requestId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { measurements } = useReportMeasurements(requestId);
  const [local, setLocal] = useState<Record<string, SendState>>({});
  const { mutateAsync } = useMutation(trpc.reports.sendMeasurement.mutationOptions());
  const stored = new Set(measurements.map((m) => m.measurementId));

  const send = async (measurement: Measurement, text: string) => {
    setLocal((current) => ({ ...current, [measurement.id]: { kind: "sending" } }));
    try {
      await mutateAsync({ requestId, measurement: { id: measurement.id, kind: measurement.kind, imageId: measurement.imageId, values: measurement.values }, text });
      setLocal((current) => ({ ...current, [measurement.id]: { kind: "sent" } }));
      await queryClient.invalidateQueries({ queryKey: trpc.reports.measurements.queryKey({ requestId }) });
    } catch (error) {
      setLocal((current) => ({ ...current, [measurement.id]: { kind: "failed", error } }));
    }
  };
  const stateOf = (measurementId: string): SendState => {
    const state = local[measurementId];
    if (state && state.kind !== "idle" && state.kind !== "sent") return state;
    return state?.kind === "sent" || stored.has(measurementId) ? { kind: "sent" } : { kind: "idle" };
  };
  return { send, stateOf };
}
