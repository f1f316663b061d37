import { PRESETS, type PresetId } from "./presets";
import type { LayoutId } from "./hanging-protocol";

// Every keyboard shortcut of the viewer, as data: the key handler and the help panel both read
// this table, so the panel can never list a shortcut that does not exist (or miss one).
// Digits match on `code` (the physical key), because on a French AZERTY keyboard the top row
// types "&é\"'(" without Shift; letters match on `key`, which follows the layout.

export type ToolId = "windowLevel" | "zoom" | "pan" | "scroll" | "length" | "angle" | "ellipse" | "rectangle" | "probe" | "crosshairs";

export type ViewerAction =
  | { kind: "slice"; delta: number }
  | { kind: "sliceEdge"; edge: "first" | "last" }
  | { kind: "preset"; preset: PresetId }
  | { kind: "tool"; tool: ToolId }
  | { kind: "rotate"; degrees: 90 | -90 }
  | { kind: "flip"; axis: "horizontal" | "vertical" }
  | { kind: "invert" }
  | { kind: "reset" }
  | { kind: "cine" }
  | { kind: "cineSpeed"; delta: number }
  | { kind: "layout"; layout: LayoutId }
  | { kind: "mpr" }
  | { kind: "help" };

/**
 * Actions on the page around the images (its panels), answered by the workspace rather than
 * the viewer service: the service never sees them.
 */
export type WorkspaceAction = { kind: "clinicalPanel" };
export type ShortcutAction = ViewerAction | WorkspaceAction;

export function isWorkspaceAction(action: ShortcutAction): action is WorkspaceAction {
  return action.kind === "clinicalPanel";
}

export interface KeyChord {
  key?: string;
  code?: string;
  shift?: boolean;
}

export interface Shortcut {
  /** Message key suffix under viewer.shortcuts.* */
  id: string;
  chords: KeyChord[];
  /** How the help panel writes the keys; the words Home, End, Space and Shift are translated. */
  label: string;
  action: ShortcutAction;
}

const digit = (n: number, shift = false): KeyChord[] => [
  { code: `Digit${n}`, shift },
  ...(shift ? [] : [{ code: `Numpad${n}` }]),
];

export const SHORTCUTS: readonly Shortcut[] = [
  { id: "nextSlice", chords: [{ key: "ArrowDown" }, { key: "ArrowRight" }], label: "↓ →", action: { kind: "slice", delta: 1 } },
  { id: "previousSlice", chords: [{ key: "ArrowUp" }, { key: "ArrowLeft" }], label: "↑ ←", action: { kind: "slice", delta: -1 } },
  { id: "pageDown", chords: [{ key: "PageDown" }], label: "Page ↓", action: { kind: "slice", delta: 10 } },
  { id: "pageUp", chords: [{ key: "PageUp" }], label: "Page ↑", action: { kind: "slice", delta: -10 } },
  { id: "firstSlice", chords: [{ key: "Home" }], label: "Home", action: { kind: "sliceEdge", edge: "first" } },
  { id: "lastSlice", chords: [{ key: "End" }], label: "End", action: { kind: "sliceEdge", edge: "last" } },
  ...PRESETS.map((p): Shortcut => ({ id: `preset.${p.id}`, chords: digit(Number(p.key)), label: p.key, action: { kind: "preset", preset: p.id } })),
  { id: "tool.windowLevel", chords: [{ key: "w" }], label: "W", action: { kind: "tool", tool: "windowLevel" } },
  { id: "tool.scroll", chords: [{ key: "s" }], label: "S", action: { kind: "tool", tool: "scroll" } },
  { id: "tool.zoom", chords: [{ key: "z" }], label: "Z", action: { kind: "tool", tool: "zoom" } },
  { id: "tool.pan", chords: [{ key: "p" }], label: "P", action: { kind: "tool", tool: "pan" } },
  { id: "tool.length", chords: [{ key: "l" }], label: "L", action: { kind: "tool", tool: "length" } },
  { id: "tool.angle", chords: [{ key: "a" }], label: "A", action: { kind: "tool", tool: "angle" } },
  { id: "tool.ellipse", chords: [{ key: "e" }], label: "E", action: { kind: "tool", tool: "ellipse" } },
  { id: "tool.rectangle", chords: [{ key: "b" }], label: "B", action: { kind: "tool", tool: "rectangle" } },
  { id: "tool.probe", chords: [{ key: "o" }], label: "O", action: { kind: "tool", tool: "probe" } },
  { id: "rotateRight", chords: [{ key: "." }], label: ".", action: { kind: "rotate", degrees: 90 } },
  { id: "rotateLeft", chords: [{ key: "," }], label: ",", action: { kind: "rotate", degrees: -90 } },
  { id: "flipHorizontal", chords: [{ key: "h" }], label: "H", action: { kind: "flip", axis: "horizontal" } },
  { id: "flipVertical", chords: [{ key: "v" }], label: "V", action: { kind: "flip", axis: "vertical" } },
  { id: "invert", chords: [{ key: "i" }], label: "I", action: { kind: "invert" } },
  { id: "reset", chords: [{ key: "r" }], label: "R", action: { kind: "reset" } },
  { id: "cine", chords: [{ key: " " }], label: "Space", action: { kind: "cine" } },
  { id: "cineFaster", chords: [{ key: "+" }], label: "+", action: { kind: "cineSpeed", delta: 5 } },
  { id: "cineSlower", chords: [{ key: "-" }], label: "-", action: { kind: "cineSpeed", delta: -5 } },
  { id: "layout.1x1", chords: digit(1, true), label: "Shift+1", action: { kind: "layout", layout: "1x1" } },
  { id: "layout.1x2", chords: digit(2, true), label: "Shift+2", action: { kind: "layout", layout: "1x2" } },
  { id: "layout.2x2", chords: digit(3, true), label: "Shift+3", action: { kind: "layout", layout: "2x2" } },
  { id: "mpr", chords: [{ key: "m" }], label: "M", action: { kind: "mpr" } },
  { id: "clinicalPanel", chords: [{ key: "c" }], label: "C", action: { kind: "clinicalPanel" } },
  { id: "help", chords: [{ key: "?" }, { key: "F1" }], label: "? F1", action: { kind: "help" } },
];

export interface KeyEventLike {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The action a key press asks for, or null (browser shortcuts with Ctrl/Cmd/Alt are left alone). */
export function actionForKey(event: KeyEventLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  for (const shortcut of SHORTCUTS) {
    for (const chord of shortcut.chords) {
      if (chord.code !== undefined) {
        if (chord.code === event.code && Boolean(chord.shift) === event.shiftKey) return shortcut.action;
      } else if (chord.key !== undefined && chord.key.toLowerCase() === event.key.toLowerCase()) {
        return shortcut.action;
      }
    }
  }
  return null;
}
