import type { Measurement } from "./measurements";

// The hook between the viewer and the report: measurements the radiologist sends from the
// viewer wait here, per request, until the report editor inserts them into its fields. Kept
// in the tab's sessionStorage: it survives moving between the viewer and the report, and is
// gone with the tab (measurements are not patient data at rest on the workstation).

export interface ReportMeasurement extends Measurement {
  /** The line the report quotes, in the reader's language. */
  text: string;
  sentAt: string;
}

const key = (requestId: string) => `teleradio:report-measurements:${requestId}`;
const listeners = new Set<() => void>();

export function measurementsForReport(requestId: string): ReportMeasurement[] {
  try {
    const raw = sessionStorage.getItem(key(requestId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as ReportMeasurement[]) : [];
  } catch {
    return [];
  }
}

export function sendMeasurementToReport(requestId: string, measurement: Measurement, text: string): void {
  const current = measurementsForReport(requestId).filter((m) => m.id !== measurement.id);
  current.push({ ...measurement, text, sentAt: new Date().toISOString() });
  sessionStorage.setItem(key(requestId), JSON.stringify(current));
  for (const listener of listeners) listener();
}

export function removeMeasurementFromReport(requestId: string, measurementId: string): void {
  sessionStorage.setItem(key(requestId), JSON.stringify(measurementsForReport(requestId).filter((m) => m.id !== measurementId)));
  for (const listener of listeners) listener();
}

export function onReportMeasurementsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
