// The worklist's keyboard, as data: the key handler and the help panel both read this table,
// so the panel can never list a key that does nothing (the viewer's shortcuts work the same way).
// Letters match on `key` (they follow the layout, AZERTY included) and whatever the case.

export type WorklistAction =
  | { kind: "move"; delta: 1 | -1 }
  | { kind: "edge"; edge: "first" | "last" }
  | { kind: "open" }
  | { kind: "claim" }
  | { kind: "release" }
  | { kind: "help" };

export interface WorklistShortcut {
  /** Message key suffix under worklist.keys.* */
  id: "next" | "previous" | "first" | "last" | "open" | "claim" | "release" | "help";
  keys: readonly string[];
  /** How the help panel writes the keys, one per word (each in its own box); Home, End, Enter and Backspace are translated there. */
  label: string;
  action: WorklistAction;
  /** Only for those who may claim (radiologists). */
  claimersOnly?: true;
}

export const WORKLIST_SHORTCUTS: readonly WorklistShortcut[] = [
  { id: "next", keys: ["ArrowDown", "j"], label: "↓ J", action: { kind: "move", delta: 1 } },
  { id: "previous", keys: ["ArrowUp", "k"], label: "↑ K", action: { kind: "move", delta: -1 } },
  { id: "first", keys: ["Home"], label: "Home", action: { kind: "edge", edge: "first" } },
  { id: "last", keys: ["End"], label: "End", action: { kind: "edge", edge: "last" } },
  { id: "open", keys: ["Enter", "o"], label: "Enter O", action: { kind: "open" } },
  // French first: P for "Prendre", L for "Libérer", the words on the row's buttons.
  { id: "claim", keys: ["p"], label: "P", action: { kind: "claim" }, claimersOnly: true },
  { id: "release", keys: ["l"], label: "L", action: { kind: "release" }, claimersOnly: true },
  { id: "help", keys: ["?"], label: "?", action: { kind: "help" } },
];

/** Where the key was typed: a text entry (filter, search) keeps every key; a button or a link keeps Enter and Space. */
export type KeyTarget = "text-entry" | "control" | "page";

export interface WorklistKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: KeyTarget;
}

export function shortcutsFor(canClaim: boolean): readonly WorklistShortcut[] {
  return WORKLIST_SHORTCUTS.filter((shortcut) => canClaim || !shortcut.claimersOnly);
}

/** The action a key press asks for, or null: typing, browser shortcuts and a focused control's own keys are left alone. */
export function worklistActionForKey(event: WorklistKeyEvent, canClaim: boolean): WorklistAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.target === "text-entry") return null;
  if (event.target === "control" && (event.key === "Enter" || event.key === " ")) return null;
  const pressed = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const shortcut = shortcutsFor(canClaim).find((candidate) => candidate.keys.includes(pressed));
  return shortcut?.action ?? null;
}

/** The row selected after a move: from nothing, down starts at the top and up at the bottom; edges stop. */
export function movedSelection(current: number | null, action: Extract<WorklistAction, { kind: "move" | "edge" }>, count: number): number | null {
  if (count === 0) return null;
  if (action.kind === "edge") return action.edge === "first" ? 0 : count - 1;
  if (current === null || current >= count) return action.delta === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + action.delta));
}

/**
 * On a request's page, Backspace goes back to the worklist (where the row opened is selected
 * again). Never while typing: there Backspace deletes, as everywhere.
 */
export const BACK_TO_WORKLIST = { key: "Backspace", label: "Backspace" } as const;

export function isBackToWorklistKey(event: WorklistKeyEvent): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey && event.target !== "text-entry" && event.key === BACK_TO_WORKLIST.key;
}
