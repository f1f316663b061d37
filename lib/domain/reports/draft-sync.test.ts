import { describe, expect, it } from "vitest";
import { reconcileServerDraft, type EditorDraft } from "./draft-sync";

const editor = (over: Partial<EditorDraft> = {}): EditorDraft => ({
  values: { findings: "Pas de saignement. Hypo", conclusion: "" },
  version: 4,
  base: { findings: "Pas de saignement.", conclusion: "" },
  saving: false,
  ownVersion: 4,
  ...over,
});

describe("reconcileServerDraft: local edits win over an older server echo", () => {
  it("keeps what is on screen when the server copy is the version last sent, or older", () => {
    const echo = { draftVersion: 4, values: { findings: "Pas de saignement.", conclusion: "" }, fieldIds: ["findings", "conclusion"] };
    expect(reconcileServerDraft(editor(), echo)).toEqual({ kind: "keep" });
    expect(reconcileServerDraft(editor(), { ...echo, draftVersion: 3 })).toEqual({ kind: "keep" });
  });

  it("waits while a save is on its way: its answer says whether the newer copy is its own", () => {
    const newer = { draftVersion: 5, values: { findings: "Pas de saignement. Hy", conclusion: "" }, fieldIds: ["findings", "conclusion"] };
    expect(reconcileServerDraft(editor({ saving: true, ownVersion: 4 }), newer)).toEqual({ kind: "wait" });
  });

  it("leaves another editor's newer copy to the conflict banner rather than merging it silently", () => {
    const theirs = { draftVersion: 6, values: { findings: "Autre", conclusion: "" }, fieldIds: ["findings", "conclusion"] };
    expect(reconcileServerDraft(editor({ ownVersion: 5 }), theirs)).toEqual({ kind: "foreign" });
  });

  it("after a template switch, keeps every character typed meanwhile and takes the new template's fields", () => {
    // Typed "Hypo" into findings and a conclusion while the switch to the free-form template was on its way.
    const typing = editor({ values: { findings: "Pas de saignement. Hypo", conclusion: "AVC", hemorrhage: false }, base: { findings: "Pas de saignement.", conclusion: "", hemorrhage: false }, ownVersion: 5 });
    const switched = { draftVersion: 5, values: { clinical_context: "Déficit", findings: "Pas de saignement.", conclusion: "" }, fieldIds: ["clinical_context", "findings", "conclusion"] };
    const result = reconcileServerDraft(typing, switched);
    expect(result).toEqual({
      kind: "adopt",
      values: { clinical_context: "Déficit", findings: "Pas de saignement. Hypo", conclusion: "AVC" },
      version: 5,
      base: switched.values,
      unsaved: true,
      dropped: [],
    });
  });

  it("names what was typed into a field the new template no longer has, instead of losing it silently", () => {
    const typing = editor({ values: { findings: "x", fracture_note: "Fracture du rocher" }, base: { findings: "x", fracture_note: "" }, ownVersion: 5 });
    const switched = { draftVersion: 5, values: { findings: "x" }, fieldIds: ["findings"] };
    const result = reconcileServerDraft(typing, switched);
    expect(result.kind === "adopt" && result.dropped).toEqual([{ fieldId: "fracture_note", value: "Fracture du rocher" }]);
    expect(result.kind === "adopt" && result.unsaved).toBe(false);
  });

  it("takes the server's value for fields not touched since, so the adopted copy needs no save", () => {
    const untouched = editor({ values: { findings: "a", conclusion: "" }, base: { findings: "a", conclusion: "" }, ownVersion: 5 });
    const result = reconcileServerDraft(untouched, { draftVersion: 5, values: { findings: "a", conclusion: "défaut" }, fieldIds: ["findings", "conclusion"] });
    expect(result).toMatchObject({ kind: "adopt", values: { findings: "a", conclusion: "défaut" }, unsaved: false });
  });
});
