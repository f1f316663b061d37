import { describe, expect, it } from "vitest";
import { followIndex, linkStacks } from "./scroll-link";

describe("linked scrolling", () => {
  it("links at the same relative level", () => {
    expect(linkStacks(0, 40, 40)).toEqual({ link: { offset: 0 }, secondIndex: 0 });
    expect(linkStacks(50, 101, 201)).toEqual({ link: { offset: 50 }, secondIndex: 100 });
  });

  it("then follows slice for slice, both ways, within the other stack", () => {
    const { link } = linkStacks(50, 101, 201);
    expect(followIndex(link, 0, 60, 201)).toBe(110);
    expect(followIndex(link, 1, 110, 101)).toBe(60);
    expect(followIndex(link, 0, 100, 120)).toBe(119);
    expect(followIndex(link, 1, 10, 101)).toBe(0);
  });
});
