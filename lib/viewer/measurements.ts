// Measurements as the viewer exposes them to the rest of the product (the report takes them):
// plain values with units, read from Cornerstone's annotation state. Pure over a minimal
// shape of an annotation, so it is tested without a browser.

export type MeasurementKind = "length" | "angle" | "ellipse" | "rectangle" | "probe";

export interface MeasurementValue {
  name: "length" | "angle" | "mean" | "stdDev" | "area" | "value";
  value: number;
  unit: string;
}

export interface Measurement {
  id: string;
  kind: MeasurementKind;
  /** The image the measurement was drawn on (a wadors image id), when known. */
  imageId: string | null;
  values: MeasurementValue[];
}

export const TOOL_KINDS: Record<string, MeasurementKind> = {
  Length: "length",
  Angle: "angle",
  EllipticalROI: "ellipse",
  RectangleROI: "rectangle",
  Probe: "probe",
};

export interface AnnotationLike {
  annotationUID?: string;
  metadata?: { toolName?: string; referencedImageId?: string };
  data?: { cachedStats?: Record<string, Record<string, unknown> | undefined> };
}

function finite(value: unknown): number | null {
  const n = Array.isArray(value) ? value[0] : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

function valuesOf(kind: MeasurementKind, stats: Record<string, unknown>): MeasurementValue[] {
  const out: MeasurementValue[] = [];
  const push = (name: MeasurementValue["name"], value: unknown, unit: string) => {
    const n = finite(value);
    if (n !== null) out.push({ name, value: n, unit });
  };
  const modalityUnit = text(stats.modalityUnit, "");
  switch (kind) {
    case "length":
      push("length", stats.length, text(stats.unit, "mm"));
      break;
    case "angle":
      push("angle", stats.angle, "°");
      break;
    case "ellipse":
    case "rectangle":
      push("mean", stats.mean, modalityUnit);
      push("stdDev", stats.stdDev, modalityUnit);
      push("area", stats.area, text(stats.areaUnit, "mm²"));
      break;
    case "probe":
      push("value", stats.value, modalityUnit);
      break;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
  return out;
}

/** Completed measurements with their figures; annotations still being drawn are left out. */
export function readMeasurements(annotations: readonly AnnotationLike[]): Measurement[] {
  const measurements: Measurement[] = [];
  for (const annotation of annotations) {
    const kind = TOOL_KINDS[annotation.metadata?.toolName ?? ""];
    if (!kind || !annotation.annotationUID) continue;
    const stats = Object.values(annotation.data?.cachedStats ?? {}).find((s) => s !== undefined);
    if (!stats) continue;
    const values = valuesOf(kind, stats);
    if (values.length === 0) continue;
    measurements.push({ id: annotation.annotationUID, kind, imageId: annotation.metadata?.referencedImageId ?? null, values });
  }
  return measurements;
}

/** One line a report can quote, e.g. "Longueur : 42,1 mm". */
export function formatMeasurement(measurement: Measurement, names: Record<MeasurementValue["name"], string>, locale: "fr" | "en"): string {
  const format = (n: number) => n.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const colon = locale === "fr" ? " : " : ": ";
  return measurement.values.map((v) => `${names[v.name]}${colon}${format(v.value)}${v.unit ? ` ${v.unit}` : ""}`).join(", ");
}
