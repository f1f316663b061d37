import { forgetSeriesMetadata, loadSeriesMetadata, seriesKey, type LoadedSeries } from "./series-loader";

// Series metadata fetched once per viewer: showing a series again (another viewport, back from
// MPR, a prior) reuses it. A failed fetch is not remembered, so the next attempt asks again.
export class SeriesCache {
  private pending = new Map<string, Promise<LoadedSeries>>();
  // The cache's own: a fetch shared by several callers is only abandoned when the viewer is
  // left, never because the caller that started it was superseded.
  private abort = new AbortController();

  constructor(
    private readonly dicomwebRoot: string,
    private readonly onLoaded: (series: LoadedSeries) => void,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  get(studyInstanceUid: string, seriesInstanceUid: string): Promise<LoadedSeries> {
    const key = seriesKey(studyInstanceUid, seriesInstanceUid);
    let series = this.pending.get(key);
    if (!series) {
      series = loadSeriesMetadata({ dicomwebRoot: this.dicomwebRoot, studyInstanceUid, seriesInstanceUid, signal: this.abort.signal }).then((loaded) => {
        this.onLoaded(loaded);
        return loaded;
      });
      series.catch(() => this.pending.delete(key));
      this.pending.set(key, series);
    }
    return series;
  }

  /** Forgets every series, including the image loader's copy of their metadata. */
  clear(): void {
    this.abort.abort();
    this.abort = new AbortController();
    void Promise.allSettled([...this.pending.values()]).then((all) => {
      for (const result of all) if (result.status === "fulfilled") forgetSeriesMetadata(result.value);
    });
    this.pending.clear();
  }
}
