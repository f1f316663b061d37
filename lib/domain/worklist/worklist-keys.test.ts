import { describe, expect, it } from "vitest";
import { isBackToWorklistKey, movedSelection, WORKLIST_SHORTCUTS, worklistActionForKey, type WorklistKeyEvent } from "./worklist-keys";

const press = (key: string, extra: Partial<WorklistKeyEvent> = {}): WorklistKeyEvent => ({ key, ctrlKey: false, metaKey: false, altKey: false, target: "page", ...extra });

describe("the worklist's keys", () => {
  it("moves with the arrows and with J/K, whatever the case", () => {
    expect(worklistActionForKey(press("ArrowDown"), false)).toEqual({ kind: "move", delta: 1 });
    expect(worklistActionForKey(press("j"), false)).toEqual({ kind: "move", delta: 1 });
    expect(worklistActionForKey(press("K"), false)).toEqual({ kind: "move", delta: -1 });
    expect(worklistActionForKey(press("End"), false)).toEqual({ kind: "edge", edge: "last" });
  });

  it("opens with Enter or O, and opens the help with ?", () => {
    expect(worklistActionForKey(press("Enter"), false)).toEqual({ kind: "open" });
    expect(worklistActionForKey(press("o"), false)).toEqual({ kind: "open" });
    expect(worklistActionForKey(press("?"), false)).toEqual({ kind: "help" });
  });

  it("claims with P and releases with L, only for those who may claim", () => {
    expect(worklistActionForKey(press("p"), true)).toEqual({ kind: "claim" });
    expect(worklistActionForKey(press("L"), true)).toEqual({ kind: "release" });
    expect(worklistActionForKey(press("p"), false)).toBeNull();
    expect(worklistActionForKey(press("l"), false)).toBeNull();
  });

  it("leaves typing in a filter, browser shortcuts and a focused button's Enter alone", () => {
    expect(worklistActionForKey(press("j", { target: "text-entry" }), true)).toBeNull();
    expect(worklistActionForKey(press("ArrowDown", { target: "text-entry" }), true)).toBeNull();
    expect(worklistActionForKey(press("p", { ctrlKey: true }), true)).toBeNull();
    expect(worklistActionForKey(press("l", { metaKey: true }), true)).toBeNull();
    expect(worklistActionForKey(press("Enter", { target: "control" }), true)).toBeNull();
    // A focused row button does not swallow the list's other keys.
    expect(worklistActionForKey(press("j", { target: "control" }), true)).toEqual({ kind: "move", delta: 1 });
    expect(worklistActionForKey(press("x"), true)).toBeNull();
  });

  it("starts at the top going down, at the bottom going up, and stops at the edges", () => {
    expect(movedSelection(null, { kind: "move", delta: 1 }, 3)).toBe(0);
    expect(movedSelection(null, { kind: "move", delta: -1 }, 3)).toBe(2);
    expect(movedSelection(2, { kind: "move", delta: 1 }, 3)).toBe(2);
    expect(movedSelection(0, { kind: "move", delta: -1 }, 3)).toBe(0);
    expect(movedSelection(1, { kind: "edge", edge: "first" }, 3)).toBe(0);
    expect(movedSelection(5, { kind: "move", delta: -1 }, 3)).toBe(2);
    expect(movedSelection(0, { kind: "move", delta: 1 }, 0)).toBeNull();
  });

  it("gives every key one action only", () => {
    const keys = WORKLIST_SHORTCUTS.flatMap((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("goes back to the worklist with Backspace, except while typing", () => {
    expect(isBackToWorklistKey(press("Backspace"))).toBe(true);
    expect(isBackToWorklistKey(press("Backspace", { target: "control" }))).toBe(true);
    expect(isBackToWorklistKey(press("Backspace", { target: "text-entry" }))).toBe(false);
    expect(isBackToWorklistKey(press("Backspace", { altKey: true }))).toBe(false);
  });
});
