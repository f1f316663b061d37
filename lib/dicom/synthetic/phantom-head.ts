// A procedural head and neck, in patient coordinates (LPS, millimetres, head centre at the origin):
// each axial slice is a map of tissue labels, which the CT and MR series turn into their own
// intensities. The outline is an ellipsoid, so the head grows and shrinks while scrolling.

export const Tissue = {
  Air: 0,
  SoftTissue: 1,
  Bone: 2,
  GrayMatter: 3,
  WhiteMatter: 4,
  Csf: 5,
  Haematoma: 6,
  Oedema: 7,
} as const;
export type Tissue = (typeof Tissue)[keyof typeof Tissue];

/** A lookup table indexed by tissue label, typed so a forgotten tissue is a compile error. */
export function tissueTable(values: Record<Tissue, number>): Float64Array {
  const table = new Float64Array(Object.keys(Tissue).length);
  for (const [tissue, value] of Object.entries(values)) table[Number(tissue)] = value;
  return table;
}

interface Ellipsoid {
  center: readonly [number, number, number];
  semiAxes: readonly [number, number, number];
}

/** Landmarks, exported so tests can probe known points. */
export const HEAD_PHANTOM = {
  skin: { center: [0, 0, 0], semiAxes: [74, 92, 96] },
  scalpThicknessMm: 5,
  skullThicknessMm: 7,
  /** Below this z the section is neck and face: soft tissue, airway and a vertebra. */
  skullBaseZ: -55,
  neck: { center: [0, 10], semiAxes: [55, 60] },
  airway: { center: [0, -15], radius: 7 },
  vertebra: { center: [0, 28], radius: 13 },
  spinalCanal: { center: [0, 44], radius: 6 },
  whiteMatter: { center: [0, 4, 12], semiAxes: [50, 66, 48] },
  lateralVentricles: [
    { center: [-11, -4, 16], semiAxes: [6, 26, 18] },
    { center: [11, -4, 16], semiAxes: [6, 26, 18] },
  ],
  thirdVentricle: { center: [0, 6, 4], semiAxes: [2.5, 11, 10] },
  // In the left hemisphere (+x is the patient's left, shown on the right of an axial image).
  haematoma: { center: [30, -20, 30], radius: 12 },
  oedemaRadius: 16,
  fissureHalfWidthMm: 1,
} as const;

export interface AxialGrid {
  rows: number;
  columns: number;
  pixelSpacingMm: number;
  /** Patient x and y of the centre of the first (top left) pixel. */
  originXMm: number;
  originYMm: number;
}

/** A square grid of `size` pixels covering `fieldOfViewMm`, centred on the head. */
export function centredAxialGrid(size: number, fieldOfViewMm: number): AxialGrid {
  const pixelSpacingMm = fieldOfViewMm / size;
  const origin = -fieldOfViewMm / 2 + pixelSpacingMm / 2;
  return { rows: size, columns: size, pixelSpacingMm, originXMm: origin, originYMm: origin };
}

/** An ellipse in the slice plane, kept as 1/a^2 and 1/b^2 for the per-pixel test. */
interface Section {
  cx: number;
  cy: number;
  invA2: number;
  invB2: number;
  present: boolean;
}

function section(shape: Ellipsoid, z: number, shrinkMm = 0): Section {
  const [cx, cy, cz] = shape.center;
  const [a, b, c] = shape.semiAxes;
  const t = (z - cz) / c;
  const scale = t * t < 1 ? Math.sqrt(1 - t * t) : 0;
  const sa = a * scale - shrinkMm;
  const sb = b * scale - shrinkMm;
  const present = sa > 0 && sb > 0;
  return { cx, cy, invA2: present ? 1 / (sa * sa) : 0, invB2: present ? 1 / (sb * sb) : 0, present };
}

function sphereSection(center: readonly [number, number, number], radius: number, z: number): Section {
  return section({ center, semiAxes: [radius, radius, radius] }, z);
}

function ellipse(center: readonly [number, number], semiAxes: readonly [number, number]): Section {
  return { cx: center[0], cy: center[1], invA2: 1 / semiAxes[0] ** 2, invB2: 1 / semiAxes[1] ** 2, present: true };
}

function circle(center: readonly [number, number], radius: number): Section {
  return ellipse(center, [radius, radius]);
}

const ABSENT: Section = { cx: 0, cy: 0, invA2: 0, invB2: 0, present: false };

function inside(s: Section, x: number, y: number): boolean {
  if (!s.present) return false;
  const dx = x - s.cx;
  const dy = y - s.cy;
  return dx * dx * s.invA2 + dy * dy * s.invB2 <= 1;
}

/** Fills `labels` (rows * columns, row-major) with the tissue at each pixel centre of slice z. */
export function headTissueSlice(zMm: number, grid: AxialGrid, labels: Uint8Array): void {
  const p = HEAD_PHANTOM;
  const skin = section(p.skin, zMm);
  const neckLevel = zMm < p.skullBaseZ;
  const neck = neckLevel ? ellipse(p.neck.center, p.neck.semiAxes) : ABSENT;
  const skullOuter = section(p.skin, zMm, p.scalpThicknessMm);
  const skullInner = section(p.skin, zMm, p.scalpThicknessMm + p.skullThicknessMm);
  const airway = circle(p.airway.center, p.airway.radius);
  const vertebra = circle(p.vertebra.center, p.vertebra.radius);
  const canal = circle(p.spinalCanal.center, p.spinalCanal.radius);
  const haematoma = sphereSection(p.haematoma.center, p.haematoma.radius, zMm);
  const oedema = sphereSection(p.haematoma.center, p.oedemaRadius, zMm);
  const ventricles = [...p.lateralVentricles, p.thirdVentricle].map((v) => section(v, zMm)).filter((s) => s.present);
  const white = section(p.whiteMatter, zMm);

  labels.fill(Tissue.Air);
  for (let row = 0; row < grid.rows; row++) {
    const y = grid.originYMm + row * grid.pixelSpacingMm;
    // Only the columns the body can cover are tested pixel by pixel; the rest stays air.
    const span = unionSpan(xSpan(skin, y), xSpan(neck, y));
    if (!span) continue;
    const firstColumn = Math.max(0, Math.floor((span[0] - grid.originXMm) / grid.pixelSpacingMm));
    const lastColumn = Math.min(grid.columns - 1, Math.ceil((span[1] - grid.originXMm) / grid.pixelSpacingMm));
    const rowStart = row * grid.columns;
    for (let column = firstColumn; column <= lastColumn; column++) {
      const x = grid.originXMm + column * grid.pixelSpacingMm;
      labels[rowStart + column] = neckLevel
        ? neckTissue(x, y, skin, neck, airway, vertebra, canal)
        : cranialTissue(x, y, skin, skullOuter, skullInner, haematoma, oedema, ventricles, white);
    }
  }
}

type Span = readonly [number, number];

/** The x interval where the line at y crosses the ellipse, if it does. */
function xSpan(s: Section, y: number): Span | undefined {
  if (!s.present) return undefined;
  const dy = y - s.cy;
  const remaining = 1 - dy * dy * s.invB2;
  if (remaining < 0) return undefined;
  const halfWidth = Math.sqrt(remaining / s.invA2);
  return [s.cx - halfWidth, s.cx + halfWidth];
}

function unionSpan(a: Span | undefined, b: Span | undefined): Span | undefined {
  if (!a || !b) return a ?? b;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

function neckTissue(x: number, y: number, skin: Section, neck: Section, airway: Section, vertebra: Section, canal: Section): Tissue {
  if (!inside(skin, x, y) && !inside(neck, x, y)) return Tissue.Air;
  if (inside(airway, x, y)) return Tissue.Air;
  if (inside(canal, x, y)) return Tissue.Csf;
  if (inside(vertebra, x, y)) return Tissue.Bone;
  return Tissue.SoftTissue;
}

function cranialTissue(
  x: number,
  y: number,
  skin: Section,
  skullOuter: Section,
  skullInner: Section,
  haematoma: Section,
  oedema: Section,
  ventricles: readonly Section[],
  white: Section,
): Tissue {
  if (!inside(skin, x, y)) return Tissue.Air;
  if (!inside(skullOuter, x, y)) return Tissue.SoftTissue;
  if (!inside(skullInner, x, y)) return Tissue.Bone;
  if (inside(haematoma, x, y)) return Tissue.Haematoma;
  if (inside(oedema, x, y)) return Tissue.Oedema;
  for (const ventricle of ventricles) if (inside(ventricle, x, y)) return Tissue.Csf;
  if (inside(white, x, y)) return Tissue.WhiteMatter;
  // The interhemispheric fissure splits the cortex into two hemispheres.
  return Math.abs(x) < HEAD_PHANTOM.fissureHalfWidthMm ? Tissue.Csf : Tissue.GrayMatter;
}
