import { describe, expect, it } from "vitest";
import { diffLines, type DiffLine } from "./line-diff";

/** The diff in the familiar notation: "  same", "- removed", "+ added". */
function show(diff: DiffLine[]): string[] {
  return diff.map((d) => `${d.kind === "same" ? " " : d.kind === "added" ? "+" : "-"} ${d.text}`);
}

describe("line diff between two report versions", () => {
  it("shows identical texts as unchanged", () => {
    expect(show(diffLines("a\nb", "a\nb"))).toEqual(["  a", "  b"]);
    expect(diffLines("", "")).toEqual([]);
  });

  it("shows a changed line as removed then added, in place", () => {
    const before = "Résultats\nHémorragie : non\nCONCLUSION\nNormal.";
    const after = "Résultats\nHémorragie : oui\nCONCLUSION\nHématome sous-dural.";
    expect(show(diffLines(before, after))).toEqual([
      "  Résultats",
      "- Hémorragie : non",
      "+ Hémorragie : oui",
      "  CONCLUSION",
      "- Normal.",
      "+ Hématome sous-dural.",
    ]);
  });

  it("finds a longest common subsequence", () => {
    const diff = diffLines("a\nb\nc\nd\ne", "b\nx\nc\ne\nf");
    expect(show(diff)).toEqual(["- a", "  b", "+ x", "  c", "- d", "  e", "+ f"]);
    expect(diff.filter((d) => d.kind === "same")).toHaveLength(3);
  });

  it("handles texts added from or removed to nothing", () => {
    expect(show(diffLines("", "a\nb"))).toEqual(["+ a", "+ b"]);
    expect(show(diffLines("a\nb", ""))).toEqual(["- a", "- b"]);
  });

  it("rebuilds both texts from the diff, and gives the same diff every time", () => {
    const before = "x\ny\nz\nx\ny\nz\nw";
    const after = "y\nz\nx\nq\ny\nw\nz";
    const diff = diffLines(before, after);
    expect(diff.filter((d) => d.kind !== "added").map((d) => d.text).join("\n")).toBe(before);
    expect(diff.filter((d) => d.kind !== "removed").map((d) => d.text).join("\n")).toBe(after);
    expect(diffLines(before, after)).toEqual(diff);
  });

  it("treats Windows line ends like Unix ones", () => {
    expect(show(diffLines("a\r\nb", "a\nb"))).toEqual(["  a", "  b"]);
  });

  it("stays correct on texts too large for the table", () => {
    const before = Array.from({ length: 2500 }, (_, i) => `ligne ${i}`).join("\n");
    const after = Array.from({ length: 2500 }, (_, i) => `ligne ${i % 2 ? i : -i}`).join("\n");
    const diff = diffLines(before, after);
    expect(diff.filter((d) => d.kind !== "added").map((d) => d.text).join("\n")).toBe(before);
    expect(diff.filter((d) => d.kind !== "removed").map((d) => d.text).join("\n")).toBe(after);
  });
});
