// A procedural PA chest: X-ray attenuation (arbitrary units, ~0 in air, ~3 through the
// mediastinum) on a square detector. Coordinates are normalised to [-1, 1] across the image,
// u to the right of the image (the patient's left on a PA view), v downwards (towards the feet).

interface Lobe {
  cu: number;
  cv: number;
  semiU: number;
  semiV: number;
  /** v of the diaphragm dome top under this lung; lower laterally. */
  domeTopV: number;
}

/** Landmarks, exported so tests can probe known points. */
export const CHEST_PHANTOM = {
  /** Trunk half-width, narrowing above the shoulders to the neck. */
  trunkHalfWidth: 0.8,
  neckHalfWidth: 0.2,
  shoulderV: -0.55,
  shoulderHeight: 0.3,
  // The right hemidiaphragm sits higher, as in most patients.
  rightLung: { cu: -0.36, cv: -0.08, semiU: 0.27, semiV: 0.58, domeTopV: 0.3 },
  leftLung: { cu: 0.36, cv: -0.06, semiU: 0.25, semiV: 0.56, domeTopV: 0.36 },
  heart: { cu: 0.1, cv: 0.22, semiU: 0.3, semiV: 0.26 },
  spineHalfWidth: 0.06,
  firstRibV: -0.62,
  ribPitchV: 0.1,
  ribCount: 10,
  ribHalfThickness: 0.018,
  hila: [[-0.13, -0.08], [0.15, -0.06]],
  clavicle: { medial: [0.07, -0.66], lateral: [0.45, -0.74], halfThickness: 0.022 },
} as const;

const SOFT_TISSUE = 2.6;
const LUNG_AIR = 1.9;
const HEART = 1.2;
const MEDIASTINUM = 0.5;
const SPINE = 0.25;
const RIB = 0.35;
const CLAVICLE = 0.5;
const HILUM = 0.35;

/** Fills `out` (size * size, row-major) with the attenuation along each detector pixel's ray. */
export function chestAttenuation(size: number, out: Float32Array): void {
  const p = CHEST_PHANTOM;
  for (let row = 0; row < size; row++) {
    const v = ((row + 0.5) / size) * 2 - 1;
    const halfWidth = trunkHalfWidth(v);
    for (let column = 0; column < size; column++) {
      const u = ((column + 0.5) / size) * 2 - 1;
      const across = u / halfWidth;
      if (across * across >= 1) {
        out[row * size + column] = 0;
        continue;
      }
      // The trunk is an elliptic cylinder: the path through it shrinks towards the flanks.
      let attenuation = SOFT_TISSUE * Math.sqrt(1 - across * across);
      attenuation -= LUNG_AIR * (lungThickness(u, v, p.rightLung) + lungThickness(u, v, p.leftLung));
      attenuation += HEART * thickness(u, v, p.heart.cu, p.heart.cv, p.heart.semiU, p.heart.semiV);
      attenuation += mediastinum(u, v) + spine(u) + hila(u, v);
      attenuation += RIB * rib(u, v, halfWidth) + CLAVICLE * clavicle(u, v);
      out[row * size + column] = Math.max(0, attenuation);
    }
  }
}

/** Full width below the shoulders, a quarter-ellipse shoulder line, the neck above it. */
function trunkHalfWidth(v: number): number {
  const p = CHEST_PHANTOM;
  if (v >= p.shoulderV) return p.trunkHalfWidth;
  const above = (p.shoulderV - v) / p.shoulderHeight;
  const shoulder = above < 1 ? p.trunkHalfWidth * Math.sqrt(1 - above * above) : 0;
  return Math.max(p.neckHalfWidth, shoulder);
}

/** Path length through an ellipsoid, normalised to 1 at its centre and 0 outside. */
function thickness(u: number, v: number, cu: number, cv: number, semiU: number, semiV: number): number {
  const du = (u - cu) / semiU;
  const dv = (v - cv) / semiV;
  const remaining = 1 - du * du - dv * dv;
  return remaining > 0 ? Math.sqrt(remaining) : 0;
}

function lungThickness(u: number, v: number, lung: Lobe): number {
  const lateral = (u - lung.cu) / lung.semiU;
  if (v > lung.domeTopV + 0.3 * lateral * lateral) return 0;
  return thickness(u, v, lung.cu, lung.cv, lung.semiU, lung.semiV);
}

function mediastinum(u: number, v: number): number {
  const du = (u - 0.02) / 0.1;
  return v > -0.75 && v < 0.25 && du * du < 1 ? MEDIASTINUM * (1 - du * du) : 0;
}

/** Vessels and nodes fanning out of each hilum: a soft density fading with distance. */
function hila(u: number, v: number): number {
  let density = 0;
  for (const [hu, hv] of CHEST_PHANTOM.hila) {
    const distance2 = ((u - hu) ** 2 + (v - hv) ** 2) / 0.012;
    density += HILUM * Math.exp(-distance2);
  }
  return density;
}

function spine(u: number): number {
  return Math.abs(u) < CHEST_PHANTOM.spineHalfWidth ? SPINE : 0;
}

/**
 * Posterior ribs: every rib follows the same curve from the spine (rising, then sloping down
 * laterally), shifted by one pitch, so the nearest rib is found in O(1) instead of testing each.
 */
function rib(u: number, v: number, trunkHalfWidth: number): number {
  const p = CHEST_PHANTOM;
  const lateral = Math.abs(u) - p.spineHalfWidth;
  if (lateral <= 0 || Math.abs(u) > trunkHalfWidth - 0.05) return 0;
  const shifted = v - (-0.05 * lateral + 0.8 * lateral * lateral) - p.firstRibV;
  const index = Math.round(shifted / p.ribPitchV);
  if (index < 0 || index >= p.ribCount) return 0;
  const distance = (shifted - index * p.ribPitchV) / p.ribHalfThickness;
  return distance * distance < 1 ? Math.sqrt(1 - distance * distance) : 0;
}

function clavicle(u: number, v: number): number {
  const { medial, lateral, halfThickness } = CHEST_PHANTOM.clavicle;
  const au = Math.abs(u);
  const segmentU = lateral[0] - medial[0];
  const segmentV = lateral[1] - medial[1];
  const along = Math.min(1, Math.max(0, ((au - medial[0]) * segmentU + (v - medial[1]) * segmentV) / (segmentU ** 2 + segmentV ** 2)));
  const distance = Math.hypot(au - medial[0] - along * segmentU, v - medial[1] - along * segmentV) / halfThickness;
  return distance < 1 ? Math.sqrt(1 - distance * distance) : 0;
}
