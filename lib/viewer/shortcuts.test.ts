import { describe, expect, it } from "vitest";
import { actionForKey, isWorkspaceAction, SHORTCUTS, type KeyEventLike } from "./shortcuts";

const key = (k: string, code = "", shiftKey = false, extra: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: k,
  code,
  shiftKey,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe("keyboard shortcuts", () => {
  it("scrolls with arrows and page keys", () => {
    expect(actionForKey(key("ArrowDown"))).toEqual({ kind: "slice", delta: 1 });
    expect(actionForKey(key("PageUp"))).toEqual({ kind: "slice", delta: -10 });
    expect(actionForKey(key("End"))).toEqual({ kind: "sliceEdge", edge: "last" });
  });

  it("applies presets from the digit row on QWERTY and on French AZERTY (no Shift), and the keypad", () => {
    expect(actionForKey(key("1", "Digit1"))).toEqual({ kind: "preset", preset: "brain" });
    expect(actionForKey(key("&", "Digit1"))).toEqual({ kind: "preset", preset: "brain" });
    expect(actionForKey(key("4", "Numpad4"))).toEqual({ kind: "preset", preset: "bone" });
  });

  it("changes the layout with Shift and a digit, not the preset", () => {
    expect(actionForKey(key("1", "Digit1", true))).toEqual({ kind: "layout", layout: "1x1" });
    expect(actionForKey(key("3", "Digit3", true))).toEqual({ kind: "layout", layout: "2x2" });
  });

  it("picks tools by letter whatever the case, and leaves browser shortcuts alone", () => {
    expect(actionForKey(key("L", "KeyL", true))).toEqual({ kind: "tool", tool: "length" });
    expect(actionForKey(key("l", "KeyL", false, { ctrlKey: true }))).toBeNull();
    expect(actionForKey(key("q", "KeyQ"))).toBeNull();
  });

  it("toggles the clinical panel with C, an action of the workspace and not of the viewer service", () => {
    const action = actionForKey(key("c", "KeyC"));
    expect(action).toEqual({ kind: "clinicalPanel" });
    expect(action && isWorkspaceAction(action)).toBe(true);
    expect(isWorkspaceAction({ kind: "help" })).toBe(false);
  });

  it("gives every shortcut a distinct id and at least one key", () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const shortcut of SHORTCUTS) expect(shortcut.chords.length).toBeGreaterThan(0);
  });
});
