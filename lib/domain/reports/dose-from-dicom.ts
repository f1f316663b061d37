import type { Modality } from "../enums";

// Pre-filling the regulatory block from the images (DICOM JSON model, as the archive stores
// each instance's metadata). The radiologist still reviews and signs the values: these are
// suggestions, so anything malformed yields null rather than an error, and nothing here throws.

export interface DicomDose {
  value: number;
  unit: string;
  /** How the value was obtained, shown next to the pre-filled field. */
  source: string;
}

export interface DicomDoseAndEquipment {
  equipment: string | null;
  dose: DicomDose | null;
}

const TAG = {
  modality: "00080060",
  imageType: "00080008",
  presentationIntent: "00080068",
  manufacturer: "00080070",
  model: "00081090",
  station: "00081010",
  seriesUid: "0020000E",
  position: "00200032",
  sliceThickness: "00180050",
  ctdiVol: "00189345",
  areaDoseProduct: "0018115E",
  contrastAgent: "00180010",
  contrastRoute: "00181040",
  contrastVolume: "00181041",
} as const;

/** The values of an attribute, or [] for anything that is not a well-formed element. */
function values(dataset: unknown, tag: string): unknown[] {
  if (typeof dataset !== "object" || dataset === null || Array.isArray(dataset)) return [];
  const element: unknown = (dataset as Record<string, unknown>)[tag];
  if (typeof element !== "object" || element === null) return [];
  const value: unknown = (element as { Value?: unknown }).Value;
  return Array.isArray(value) ? value : [];
}

function text(dataset: unknown, tag: string): string | null {
  const first = values(dataset, tag)[0];
  if (typeof first !== "string" && typeof first !== "number") return null;
  const trimmed = String(first).trim();
  return trimmed === "" ? null : trimmed;
}

/** DS and FD values: numbers in the JSON model, but some encoders keep DS as strings. */
function numberAt(dataset: unknown, tag: string, index = 0): number | null {
  const value = values(dataset, tag)[index];
  const parsed = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : null;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function doseFromDicom(modality: Modality, instances: readonly unknown[]): DicomDoseAndEquipment {
  const list = Array.isArray(instances) ? instances : [];
  // A study may hold other objects (dose SR, presentation states): prefer the act's own images.
  const own = list.filter((instance) => text(instance, TAG.modality) === modality);
  const images = own.length > 0 ? own : list;
  return { equipment: equipmentOf(images), dose: modality === "CT" ? ctDose(images) : modality === "DX" || modality === "CR" ? areaDose(images) : null };
}

/** Manufacturer, model and station of the instance that names the device most completely. */
function equipmentOf(instances: readonly unknown[]): string | null {
  let best: string | null = null;
  let bestParts = 0;
  for (const instance of instances) {
    const manufacturer = text(instance, TAG.manufacturer);
    const model = text(instance, TAG.model);
    const station = text(instance, TAG.station);
    const parts = [manufacturer, model, station].filter((part) => part !== null).length;
    if (parts <= bestParts) continue;
    // "Philips" + "Philips Ingenuity CT" reads better without the repetition.
    const device = manufacturer && model?.toLowerCase().startsWith(manufacturer.toLowerCase()) ? model : [manufacturer, model].filter((part) => part !== null).join(" ");
    best = (device && station ? `${device} (${station})` : device || station)?.slice(0, 200) ?? null;
    bestParts = parts;
  }
  return best;
}

interface SeriesExtent {
  ctdiVol: number;
  zMin: number;
  zMax: number;
  thickness: number;
}

/**
 * DLP estimated per series as the mean CTDIvol × scanned length (z extent of the slice
 * positions plus one slice thickness), summed over acquisitions. Localizers are left out, and
 * a series lying within another with the same CTDIvol is a reconstruction of the same
 * acquisition (thin and thick slices, another kernel): counting it would double the dose.
 */
function ctDose(instances: readonly unknown[]): DicomDose | null {
  const bySeries = new Map<string, { ctdi: number[]; z: number[]; thickness: number }>();
  for (const instance of instances) {
    if (values(instance, TAG.imageType).some((v) => typeof v === "string" && v.trim().toUpperCase() === "LOCALIZER")) continue;
    const ctdi = numberAt(instance, TAG.ctdiVol);
    const z = numberAt(instance, TAG.position, 2);
    if (ctdi === null || ctdi <= 0 || z === null) continue;
    const key = text(instance, TAG.seriesUid) ?? "";
    const series = bySeries.get(key) ?? { ctdi: [], z: [], thickness: 0 };
    series.ctdi.push(ctdi);
    series.z.push(z);
    const thickness = numberAt(instance, TAG.sliceThickness);
    if (thickness !== null && thickness > 0 && thickness < 100) series.thickness = Math.max(series.thickness, thickness);
    bySeries.set(key, series);
  }
  const extents: SeriesExtent[] = [...bySeries.values()].map((s) => ({
    ctdiVol: s.ctdi.reduce((sum, v) => sum + v, 0) / s.ctdi.length,
    // reduce, not Math.min(...z): a long series would overflow the argument list.
    zMin: s.z.reduce((min, z) => Math.min(min, z), Infinity),
    zMax: s.z.reduce((max, z) => Math.max(max, z), -Infinity),
    thickness: s.thickness,
  }));
  // Longest first, so that a reconstruction meets the acquisition it lies within.
  extents.sort((a, b) => b.zMax - b.zMin - (a.zMax - a.zMin) || b.ctdiVol - a.ctdiVol);
  const kept: SeriesExtent[] = [];
  for (const extent of extents) {
    const tolerance = Math.max(extent.thickness, 5);
    const isReconstruction = kept.some(
      (k) => Math.abs(k.ctdiVol - extent.ctdiVol) <= 0.01 * k.ctdiVol && extent.zMin >= k.zMin - tolerance && extent.zMax <= k.zMax + tolerance,
    );
    if (!isReconstruction) kept.push(extent);
  }
  // mm -> cm; mGy × cm = mGy·cm.
  const dlp = kept.reduce((sum, e) => sum + (e.ctdiVol * (e.zMax - e.zMin + e.thickness)) / 10, 0);
  return dlp > 0 && Number.isFinite(dlp) ? { value: roundTo(dlp, 1), unit: "mGy·cm", source: "CTDIvol × longueur" } : null;
}

/** DAP recorded by the modality for each exposure, in dGy·cm², summed and given in mGy·cm². */
function areaDose(instances: readonly unknown[]): DicomDose | null {
  let total = 0;
  let found = false;
  for (const instance of instances) {
    // An image "for processing" is the raw twin of one "for presentation": same exposure.
    if (text(instance, TAG.presentationIntent)?.toUpperCase() === "FOR PROCESSING") continue;
    const dap = numberAt(instance, TAG.areaDoseProduct);
    if (dap === null || dap < 0) continue;
    total += dap * 100;
    found = true;
  }
  return found && Number.isFinite(total) ? { value: roundTo(total, 2), unit: "mGy·cm²", source: "Produit dose·surface DICOM (0018,115E)" } : null;
}

export interface DicomContrast {
  product: string | null;
  /** mL, as the modality recorded it (Contrast/Bolus Volume). */
  volume: number | null;
  /** One of CONTRAST_ROUTES when the recorded route is recognisable. */
  route: "Intraveineuse" | "Intra-artérielle" | "Orale" | "Rectale" | null;
}

/**
 * The contrast agent the modality recorded (Contrast/Bolus Agent, Route, Volume), when it did:
 * many scanners leave these empty, and an injector's figure is per series, so the largest
 * volume seen stands for the act (the series of one injection repeat the same bolus).
 */
export function contrastFromDicom(instances: readonly unknown[]): DicomContrast {
  const list = Array.isArray(instances) ? instances : [];
  let product: string | null = null;
  let volume: number | null = null;
  let route: DicomContrast["route"] = null;
  for (const instance of list) {
    product ??= text(instance, TAG.contrastAgent)?.slice(0, 200) ?? null;
    const v = numberAt(instance, TAG.contrastVolume);
    if (v !== null && v > 0 && v <= 500 && (volume === null || v > volume)) volume = roundTo(v, 1);
    route ??= routeOf(text(instance, TAG.contrastRoute));
  }
  return { product, volume, route };
}

function routeOf(recorded: string | null): DicomContrast["route"] {
  if (!recorded) return null;
  const r = recorded.toLowerCase();
  if (/^i\.?v\.?$|intra.?ven|intraveineuse/.test(r)) return "Intraveineuse";
  if (/art[eé]r/.test(r)) return "Intra-artérielle";
  if (/^(oral|orale|per os|p\.?o\.?)$/.test(r)) return "Orale";
  if (/rect/.test(r)) return "Rectale";
  return null;
}
