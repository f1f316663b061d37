import { wadors } from "@cornerstonejs/dicom-image-loader";
import { metadataForLoader } from "./loader-metadata";
import type { DicomJsonDataset } from "./dicom-json";
import { initCornerstone } from "./init-cornerstone";
import { isVolumeCapable, orderFrames } from "./order-instances";

// Metadata first: one WADO-RS series metadata request gives every instance's header, which
// Cornerstone's WADO-RS loader needs before it asks for any frame. Frames then come one by
// one (`.../frames/n`), so the first image shows while the rest stream in.

export interface LoadedSeries {
  key: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  imageIds: string[];
  /** The first frame's metadata, for overlays that do not change along the stack. */
  datasets: Map<string, DicomJsonDataset>;
  volumeCapable: boolean;
}

export class ViewerHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ViewerHttpError";
  }
}

export function seriesKey(studyInstanceUid: string, seriesInstanceUid: string): string {
  return `${studyInstanceUid}/${seriesInstanceUid}`;
}

export async function loadSeriesMetadata(args: {
  dicomwebRoot: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  signal: AbortSignal;
}): Promise<LoadedSeries> {
  const { dicomwebRoot, studyInstanceUid, seriesInstanceUid, signal } = args;
  const base = `${dicomwebRoot}/studies/${encodeURIComponent(studyInstanceUid)}/series/${encodeURIComponent(seriesInstanceUid)}`;
  const response = await fetch(`${base}/metadata`, { headers: { Accept: "application/dicom+json" }, credentials: "same-origin", signal });
  if (!response.ok) throw new ViewerHttpError(response.status, `series metadata: HTTP ${response.status}`);
  const instances = (await response.json()) as DicomJsonDataset[];
  // Initialising the image loader empties its metadata store: register only after it.
  await initCornerstone();
  const frames = orderFrames(instances);
  const datasets = new Map<string, DicomJsonDataset>();
  const imageIds = frames.map(({ sopInstanceUid, frame, dataset }) => {
    const imageId = `wadors:${base}/instances/${encodeURIComponent(sopInstanceUid)}/frames/${frame}`;
    // The loader finds a multi-frame instance's metadata under its first frame's id.
    if (frame === 1) wadors.metaDataManager.add(imageId, metadataForLoader(dataset) as Parameters<typeof wadors.metaDataManager.add>[1]);
    datasets.set(imageId, dataset);
    return imageId;
  });
  return {
    key: seriesKey(studyInstanceUid, seriesInstanceUid),
    studyInstanceUid,
    seriesInstanceUid,
    imageIds,
    datasets,
    volumeCapable: isVolumeCapable(instances),
  };
}

/** Forgets a series' metadata (the loader keeps it in a module-level map otherwise). */
export function forgetSeriesMetadata(series: LoadedSeries): void {
  for (const imageId of series.imageIds) wadors.metaDataManager.remove(imageId);
}
