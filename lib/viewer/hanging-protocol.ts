import type { ViewerSeries } from "@/lib/domain/viewer-opening";

// Hanging protocols as data: how many viewports a layout has and which series goes where
// when a study opens. Pure, so the choices are tested without a browser.

export type LayoutId = "1x1" | "1x2" | "2x2";

export interface Layout {
  id: LayoutId;
  rows: number;
  columns: number;
}

export const LAYOUTS: readonly Layout[] = [
  { id: "1x1", rows: 1, columns: 1 },
  { id: "1x2", rows: 1, columns: 2 },
  { id: "2x2", rows: 2, columns: 2 },
];

export function layoutById(id: LayoutId): Layout {
  const layout = LAYOUTS.find((l) => l.id === id);
  if (!layout) throw new Error(`unknown layout ${id}`);
  return layout;
}

export function viewportCount(layout: Layout): number {
  return layout.rows * layout.columns;
}

/** Series a reader looks at first among image series: cross-sections, projections, then the rest. */
const MODALITY_RANK: Record<string, number> = { CT: 0, MR: 0, CR: 1, DX: 1, MG: 1, US: 2, NM: 2, PT: 2, XA: 2 };

/**
 * A series hangs in a viewport because it holds pixel data, whatever its Modality: secondary
 * captures (OT, SC), colour images, empty modalities all do. Reports, PDFs, waveforms and
 * plans are documents (see documentSeries), never shown as broken images.
 */
export function isDisplayable(series: ViewerSeries): boolean {
  return series.content === "IMAGE" && series.instanceCount > 0;
}

/** The series listed as documents: everything that holds no image, in series-number order. */
export function documentSeries(series: readonly ViewerSeries[]): ViewerSeries[] {
  return series.filter((s) => s.content !== "IMAGE" && s.instanceCount > 0);
}

/** Display order: most diagnostic first (modality, then most images), series number as tie-break. */
export function orderSeriesForReading(series: readonly ViewerSeries[]): ViewerSeries[] {
  return series.filter(isDisplayable).sort((a, b) => {
    const rank = (MODALITY_RANK[a.modality] ?? 3) - (MODALITY_RANK[b.modality] ?? 3);
    if (rank !== 0) return rank;
    if (a.instanceCount !== b.instanceCount) return b.instanceCount - a.instanceCount;
    return (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER);
  });
}

/** The series shown in each viewport of a layout when a study opens (null: left empty). */
export function hangSeries(series: readonly ViewerSeries[], layout: Layout): (string | null)[] {
  const ordered = orderSeriesForReading(series);
  return Array.from({ length: viewportCount(layout) }, (_, i) => ordered[i]?.seriesInstanceUid ?? null);
}

/**
 * The series of a prior that best matches one being read: same modality, then the closest
 * description (shared words), then the largest. Used to hang a prior side by side.
 */
export function matchingPriorSeries(current: ViewerSeries, prior: readonly ViewerSeries[]): ViewerSeries | null {
  const words = (s: ViewerSeries) => new Set((s.description ?? "").toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean));
  const wanted = words(current);
  const scored = prior.filter(isDisplayable).map((s) => {
    const shared = [...words(s)].filter((w) => wanted.has(w)).length;
    return { s, score: (s.modality === current.modality ? 1000 : 0) + shared * 10 + Math.min(s.instanceCount, 9) / 10 };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.s ?? null;
}
