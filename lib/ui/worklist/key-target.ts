import type { KeyTarget } from "@/lib/domain/worklist/worklist-keys";

const NON_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "submit", "reset"]);

/** What kind of element a key press was typed into: list shortcuts never fire inside a field. */
export function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return "page";
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return "text-entry";
  if (target instanceof HTMLInputElement) return NON_TEXT_INPUTS.has(target.type) ? "control" : "text-entry";
  if (target.closest("button, a[href], summary, [role='button']")) return "control";
  return "page";
}
