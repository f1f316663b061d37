// Window/level presets as data. Values are window centre and width in the modality's output
// units (Hounsfield units for CT); "file" means the window the acquisition wrote in the file.

export type PresetId = "file" | "brain" | "subdural" | "stroke" | "bone" | "lung" | "abdomen";

export interface WindowLevel {
  center: number;
  width: number;
}

export interface Preset {
  id: PresetId;
  /** The key that applies it (listed in the shortcuts panel). */
  key: string;
  window: WindowLevel | "file";
}

export const PRESETS: readonly Preset[] = [
  { id: "file", key: "0", window: "file" },
  { id: "brain", key: "1", window: { center: 40, width: 80 } },
  { id: "subdural", key: "2", window: { center: 75, width: 215 } },
  { id: "stroke", key: "3", window: { center: 32, width: 8 } },
  { id: "bone", key: "4", window: { center: 600, width: 2800 } },
  { id: "lung", key: "5", window: { center: -600, width: 1500 } },
  { id: "abdomen", key: "6", window: { center: 50, width: 400 } },
];

export function presetById(id: PresetId): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`unknown preset ${id}`);
  return preset;
}

/** Cornerstone's VOI range for a window (linear VOI LUT, PS3.3 C.11.2.1.2). */
export function windowToRange({ center, width }: WindowLevel): { lower: number; upper: number } {
  return { lower: center - width / 2, upper: center + width / 2 };
}

export function rangeToWindow({ lower, upper }: { lower: number; upper: number }): WindowLevel {
  return { center: (lower + upper) / 2, width: upper - lower };
}

/**
 * The file's own window, if usable. Some devices write 0/0 (or a width of 1), which renders
 * black: then the pixel range is the better default (seen on a real MR).
 */
export function fileWindow(fromFile: WindowLevel | null, pixelRange: { min: number; max: number }): WindowLevel {
  if (fromFile && fromFile.width > 1) return fromFile;
  return { center: (pixelRange.min + pixelRange.max) / 2, width: Math.max(1, pixelRange.max - pixelRange.min) };
}
