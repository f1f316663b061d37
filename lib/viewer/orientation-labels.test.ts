import { describe, expect, it } from "vitest";
import { directionLetters, edgeMarkers, edgeMarkersFromPatientOrientation, orientationSource } from "./orientation-labels";

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

  it("shows markers only for an image that carries its orientation", () => {
    expect(orientationSource([1, 0, 0, 0, 1, 0], undefined)).toEqual({ kind: "patient-space" });
    expect(orientationSource(["1", "0", "0", "0", "0", "-1"], undefined)).toEqual({ kind: "patient-space" });
    expect(orientationSource(undefined, ["P", "F"])).toEqual({ kind: "patient-orientation", row: "P", column: "F" });
    // A secondary capture, a photo, a screenshot: nothing to say where the patient is.
    expect(orientationSource(undefined, undefined)).toBeNull();
    expect(orientationSource([1, 0, 0], [])).toBeNull();
    expect(orientationSource(undefined, ["", ""])).toBeNull();
    expect(orientationSource(undefined, ["X", "F"])).toBeNull();
  });

  it("reads a radiograph's Patient Orientation (rows towards P, columns towards F), following a horizontal flip", () => {
    expect(edgeMarkersFromPatientOrientation([1, 0, 0], [0, -1, 0], "P", "F", english)).toEqual({ right: "P", left: "A", top: "H", bottom: "F" });
    expect(edgeMarkersFromPatientOrientation([-1, 0, 0], [0, -1, 0], "LP", "F", english)).toEqual({ right: "RA", left: "LP", top: "H", bottom: "F" });
  });
});
