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
