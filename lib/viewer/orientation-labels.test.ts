import { describe, expect, it } from "vitest";
import { directionLetters, edgeMarkers } from "./orientation-labels";

const english = { L: "L", R: "R", A: "A", P: "P", H: "H", F: "F" } as const;

describe("orientation markers", () => {
  it("names the patient direction a screen direction points to (LPS)", () => {
    expect(directionLetters([1, 0, 0])).toEqual(["L"]);
    expect(directionLetters([0, -1, 0])).toEqual(["A"]);
    expect(directionLetters([0, 0, -1])).toEqual(["F"]);
    expect(directionLetters([0.8, 0.6, 0])).toEqual(["L", "P"]);
    expect(directionLetters([0, 0, 0])).toEqual([]);
  });

  it("marks an axial slice in the radiological convention, and follows a horizontal flip", () => {
    // Screen right = patient left, screen up = anterior.
    expect(edgeMarkers([1, 0, 0], [0, -1, 0], english)).toEqual({ right: "L", left: "R", top: "A", bottom: "P" });
    expect(edgeMarkers([-1, 0, 0], [0, -1, 0], english)).toEqual({ right: "R", left: "L", top: "A", bottom: "P" });
  });
});
