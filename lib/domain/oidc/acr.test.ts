import { describe, expect, it } from "vitest";
import { acrList, acrSatisfies } from "./acr";

describe("the authentication level an OpenID provider reports", () => {
  it("accepts Pro Santé Connect's eidas1 when eidas1 is required, and higher eIDAS levels", () => {
    expect(acrSatisfies("eidas1", ["eidas1"])).toBe(true);
    expect(acrSatisfies("eidas2", ["eidas1"])).toBe(true);
    expect(acrSatisfies("eidas3", ["eidas2"])).toBe(true);
  });

  it("refuses a lower level, another scheme's value, and a missing acr", () => {
    expect(acrSatisfies("eidas1", ["eidas2"])).toBe(false);
    expect(acrSatisfies("eidas0", ["eidas1"])).toBe(false);
    expect(acrSatisfies("1", ["eidas1"])).toBe(false);
    expect(acrSatisfies(undefined, ["eidas1"])).toBe(false);
    expect(acrSatisfies("", ["eidas1"])).toBe(false);
    expect(acrSatisfies(2, ["eidas1"])).toBe(false);
  });

  it("compares other providers' values exactly: no order is assumed", () => {
    expect(acrSatisfies("gold", ["gold", "platinum"])).toBe(true);
    expect(acrSatisfies("silver", ["gold"])).toBe(false);
    expect(acrSatisfies("2", ["1"])).toBe(false);
  });

  it("requires nothing when no level is configured", () => {
    expect(acrSatisfies(undefined, [])).toBe(true);
  });

  it("reads the setting as a space- or comma-separated list", () => {
    expect(acrList("eidas1")).toEqual(["eidas1"]);
    expect(acrList(" gold, platinum  gold ")).toEqual(["gold", "platinum"]);
    expect(acrList("")).toEqual([]);
  });
});
