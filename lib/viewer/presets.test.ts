import { describe, expect, it } from "vitest";
import { fileWindow, presetById, PRESETS, rangeToWindow, windowToRange } from "./presets";

describe("window/level presets", () => {
  it("lists the presets the reading room expects, each on its own key", () => {
    expect(PRESETS.map((p) => p.id)).toEqual(["file", "brain", "subdural", "stroke", "bone", "lung", "abdomen"]);
    expect(new Set(PRESETS.map((p) => p.key)).size).toBe(PRESETS.length);
  });

  it("turns a window into Cornerstone's VOI range and back", () => {
    const brain = presetById("brain").window;
    expect(brain).toEqual({ center: 40, width: 80 });
    expect(windowToRange({ center: 40, width: 80 })).toEqual({ lower: 0, upper: 80 });
    expect(rangeToWindow({ lower: -1350, upper: 150 })).toEqual({ center: -600, width: 1500 });
  });

  it("keeps the file's window, unless it would render black (width 0 or 1)", () => {
    expect(fileWindow({ center: 40, width: 400 }, { min: -1024, max: 3000 })).toEqual({ center: 40, width: 400 });
    expect(fileWindow({ center: 0, width: 0 }, { min: 0, max: 800 })).toEqual({ center: 400, width: 800 });
    expect(fileWindow(null, { min: 10, max: 10 })).toEqual({ center: 10, width: 1 });
  });
});
