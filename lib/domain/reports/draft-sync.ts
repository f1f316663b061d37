import { mergeValues } from "./merge-values";
import type { FieldValue, ReportValues } from "./template-definition";

// The report editor holds what the radiologist typed; the server's copy of the draft comes back
// by refetches (after a template switch, a socket hint, a reconnection) that may be older than
// what was typed since. Local edits always win over an older echo: a server copy is merged in
// only when it is newer than the last version this editor sent or adopted, and then only the
// fields the radiologist did not touch since that version take the server's value.

export interface EditorDraft {
  /** What is on screen. */
  values: ReportValues;
  /** The draft version the screen is based on: last save acknowledged, or copy adopted. */
  version: number;
  /** The server's values at `version`: what counts as "not touched since". */
  base: ReportValues;
  /** A save is on its way: its answer decides the version, so nothing is merged meanwhile. */
  saving: boolean;
  /**
   * The newest version this editor's own acts produced (its saves, a template switch). A newer
   * copy than this is another editor's work: the next save meets REPORT_CONFLICT and the
   * radiologist chooses to merge or reload; nothing is merged behind their back.
   */
  ownVersion: number;
}

export interface ServerDraft {
  draftVersion: number;
  values: ReportValues;
  /** The fields of the server copy's form (after a template switch, the new template's). */
  fieldIds: readonly string[];
}

export type Reconciliation =
  | { kind: "keep" }
  | { kind: "wait" }
  | { kind: "foreign" }
  | {
      kind: "adopt";
      values: ReportValues;
      version: number;
      base: ReportValues;
      /** The adopted values differ from the server's: they must be saved. */
      unsaved: boolean;
      /** Typed since `version` into fields the server's form no longer has, with what was typed. */
      dropped: { fieldId: string; value: FieldValue }[];
    };

export function reconcileServerDraft(editor: EditorDraft, server: ServerDraft): Reconciliation {
  if (server.draftVersion <= editor.version) return { kind: "keep" };
  if (editor.saving) return { kind: "wait" };
  if (server.draftVersion > editor.ownVersion) return { kind: "foreign" };
  const fields = new Set(server.fieldIds);
  const { merged } = mergeValues(editor.base, editor.values, server.values);
  const values: ReportValues = {};
  const dropped: { fieldId: string; value: FieldValue }[] = [];
  for (const [fieldId, value] of Object.entries(merged)) {
    if (fields.has(fieldId) || fieldId in server.values) values[fieldId] = value;
    else if (value !== null && value !== "" && value !== (editor.base[fieldId] ?? null)) dropped.push({ fieldId, value });
  }
  return { kind: "adopt", values, version: server.draftVersion, base: server.values, unsaved: !sameValues(values, server.values), dropped };
}

function sameValues(a: ReportValues, b: ReportValues): boolean {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const id of ids) if ((a[id] ?? null) !== (b[id] ?? null)) return false;
  return true;
}
