import type { LoadedSeries } from "./series-loader";

// Which frames of which series are in memory: the progress bars and the "whole stack
// loaded" mark come from Cornerstone's IMAGE_LOADED events, counted once per frame.
export class LoadProgress {
  private seriesOfFrame = new Map<string, string>();
  private loaded = new Map<string, Set<string>>();

  register(series: LoadedSeries): void {
    for (const imageId of series.imageIds) this.seriesOfFrame.set(imageId, series.key);
  }

  /** Records a loaded frame; returns its series key, or undefined for a frame not ours. */
  record(imageId: string): string | undefined {
    const key = this.seriesOfFrame.get(imageId);
    if (!key) return undefined;
    let frames = this.loaded.get(key);
    if (!frames) this.loaded.set(key, (frames = new Set()));
    frames.add(imageId);
    return key;
  }

  count(key: string): number {
    return this.loaded.get(key)?.size ?? 0;
  }

  /** The cache was purged: nothing is in memory any more. */
  clear(): void {
    this.loaded.clear();
  }
}
