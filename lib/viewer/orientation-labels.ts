// Orientation markers: which patient direction each screen edge faces. The service measures
// the screen's right and up directions in patient space (so rotation and flips are included);
// this turns a direction into DICOM's letters (LPS: +x Left, +y Posterior, +z Head).

export type PatientDirection = "L" | "R" | "A" | "P" | "H" | "F";
export type Vector3 = readonly [number, number, number];

const AXES: readonly [PatientDirection, PatientDirection][] = [
  ["L", "R"],
  ["P", "A"],
  ["H", "F"],
];

/** Up to two letters, the dominant axis first; axes contributing under ~30° are left out. */
export function directionLetters(direction: Vector3): PatientDirection[] {
  const length = Math.hypot(...direction);
  if (length === 0) return [];
  const parts = direction
    .map((component, axis) => ({ axis, weight: Math.abs(component) / length, positive: component > 0 }))
    .filter((p) => p.weight > 0.5)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 2);
  return parts.map(({ axis, positive }) => AXES[axis]![positive ? 0 : 1]);
}

export interface EdgeMarkers {
  left: string;
  right: string;
  top: string;
  bottom: string;
}

function negate(v: Vector3): Vector3 {
  return [-v[0], -v[1], -v[2]];
}

export function edgeMarkers(screenRight: Vector3, screenUp: Vector3, letters: Record<PatientDirection, string>): EdgeMarkers {
  const word = (v: Vector3) => directionLetters(v).map((d) => letters[d]).join("");
  return { right: word(screenRight), left: word(negate(screenRight)), top: word(screenUp), bottom: word(negate(screenUp)) };
}

export const NO_MARKERS: EdgeMarkers = { left: "", right: "", top: "", bottom: "" };

/**
 * Where an image's orientation comes from. Markers are shown only when the image carries one:
 * Image Orientation (Patient) (0020,0037) places it in patient space; Patient Orientation
 * (0020,0020, projection radiographs) names the directions of its rows and columns. An image
 * with neither (a secondary capture, a photo) gets no markers: guessed letters would lie.
 */
export type OrientationSource = { kind: "patient-space" } | { kind: "patient-orientation"; row: string; column: string } | null;

export function orientationSource(imageOrientation: readonly unknown[] | undefined, patientOrientation: readonly unknown[] | undefined): OrientationSource {
  if (imageOrientation?.length === 6 && imageOrientation.every((v) => Number.isFinite(typeof v === "number" ? v : Number(v)))) return { kind: "patient-space" };
  const [row, column] = (patientOrientation ?? []).map((v) => (typeof v === "string" ? v.trim().toUpperCase() : ""));
  if (row && column && /^[LRAPHF]+$/.test(row) && /^[LRAPHF]+$/.test(column)) return { kind: "patient-orientation", row, column };
  return null;
}

const OPPOSITE: Record<PatientDirection, PatientDirection> = { L: "R", R: "L", A: "P", P: "A", H: "F", F: "H" };

/**
 * Markers from Patient Orientation. Without a position in patient space the viewer lays the
 * image's rows along +x and its columns along +y; the screen's right and up directions measured
 * in that space (rotation and flips included) say which of the file's letters each edge shows.
 */
export function edgeMarkersFromPatientOrientation(screenRight: Vector3, screenUp: Vector3, row: string, column: string, letters: Record<PatientDirection, string>): EdgeMarkers {
  const directions = (text: string) => [...text].filter((c): c is PatientDirection => c in OPPOSITE);
  const word = (v: Vector3) => {
    const alongRow = Math.abs(v[0]) >= Math.abs(v[1]);
    const component = alongRow ? v[0] : v[1];
    if (component === 0) return "";
    const named = directions(alongRow ? row : column);
    return (component > 0 ? named : named.map((d) => OPPOSITE[d])).map((d) => letters[d]).join("");
  };
  return { right: word(screenRight), left: word(negate(screenRight)), top: word(screenUp), bottom: word(negate(screenUp)) };
}
