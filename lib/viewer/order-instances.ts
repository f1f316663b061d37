import { numberValue, numberValues, stringValue, TAGS, type DicomJsonDataset } from "./dicom-json";

// Stack order and volume eligibility from instance metadata. Pure: tested without a browser.

export interface OrderedFrame {
  sopInstanceUid: string;
  /** 1-based frame number within the instance. */
  frame: number;
  dataset: DicomJsonDataset;
}

function normalOf(orientation: number[]): [number, number, number] {
  const [rx = 0, ry = 0, rz = 0, cx = 0, cy = 0, cz = 0] = orientation;
  return [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
}

function distanceAlong(dataset: DicomJsonDataset, normal: [number, number, number]): number | null {
  const position = numberValues(dataset, TAGS.imagePosition);
  if (!position || position.length < 3) return null;
  return position[0]! * normal[0] + position[1]! * normal[1] + position[2]! * normal[2];
}

/**
 * Reading order: along the slice normal when every instance has a position and the series
 * shares one orientation (the geometry, whatever the numbering), else by instance number.
 * Multi-frame instances contribute each of their frames in order.
 */
export function orderFrames(instances: readonly DicomJsonDataset[]): OrderedFrame[] {
  const valid = instances.filter((d) => stringValue(d, TAGS.sopInstanceUid) !== null);
  const orientation = numberValues(valid[0] ?? {}, TAGS.imageOrientation);
  const sameOrientation =
    orientation !== null &&
    orientation.length === 6 &&
    valid.every((d) => {
      const o = numberValues(d, TAGS.imageOrientation);
      return o !== null && o.length === 6 && o.every((v, i) => Math.abs(v - orientation[i]!) < 1e-3);
    });
  const normal = sameOrientation ? normalOf(orientation) : null;
  const keyed = valid.map((dataset, index) => ({
    dataset,
    index,
    distance: normal ? distanceAlong(dataset, normal) : null,
    number: numberValue(dataset, TAGS.instanceNumber),
  }));
  const byPosition = normal !== null && keyed.every((k) => k.distance !== null);
  keyed.sort((a, b) => {
    // Head first for axial slices: the largest distance along the normal (superior) first.
    if (byPosition) return b.distance! - a.distance! || a.index - b.index;
    return (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) || a.index - b.index;
  });
  return keyed.flatMap(({ dataset }) => {
    const frames = Math.max(1, numberValue(dataset, TAGS.numberOfFrames) ?? 1);
    const sopInstanceUid = stringValue(dataset, TAGS.sopInstanceUid)!;
    return Array.from({ length: frames }, (_, i) => ({ sopInstanceUid, frame: i + 1, dataset }));
  });
}

/**
 * A series can be reformatted (MPR) when it is a stack of at least 3 single-frame slices of
 * one size and orientation, in one frame of reference, with distinct positions.
 */
export function isVolumeCapable(instances: readonly DicomJsonDataset[]): boolean {
  if (instances.length < 3) return false;
  const first = instances[0]!;
  const rows = numberValue(first, TAGS.rows);
  const columns = numberValue(first, TAGS.columns);
  const frameOfReference = stringValue(first, TAGS.frameOfReference);
  const orientation = numberValues(first, TAGS.imageOrientation);
  if (rows === null || columns === null || frameOfReference === null || !orientation || orientation.length !== 6) return false;
  const normal = normalOf(orientation);
  const distances = new Set<number>();
  for (const d of instances) {
    if ((numberValue(d, TAGS.numberOfFrames) ?? 1) !== 1) return false;
    if (numberValue(d, TAGS.rows) !== rows || numberValue(d, TAGS.columns) !== columns) return false;
    if (stringValue(d, TAGS.frameOfReference) !== frameOfReference) return false;
    const o = numberValues(d, TAGS.imageOrientation);
    if (!o || o.length !== 6 || o.some((v, i) => Math.abs(v - orientation[i]!) > 1e-3)) return false;
    const distance = distanceAlong(d, normal);
    if (distance === null) return false;
    distances.add(Math.round(distance * 1000));
  }
  return distances.size === instances.length;
}
