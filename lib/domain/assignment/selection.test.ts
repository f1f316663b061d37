import { describe, expect, it } from "vitest";
import type { AssignmentCandidate } from "./eligibility";
import { explanationSentence } from "./explanation-sentence";
import { selectAssignee, weightedLoad, type LoadInfo } from "./selection";

const at = new Date("2026-11-24T10:00:00Z");

function candidate(id: string, overrides: Partial<AssignmentCandidate> = {}): AssignmentCandidate {
  return {
    id,
    name: `Dr ${id.toUpperCase()}`,
    shiftId: `shift-${id}`,
    shiftRole: "PRIMARY",
    shiftStartsAt: new Date(at.getTime() - 3_600_000),
    shiftEndsAt: new Date(at.getTime() + 3_600_000),
    subspecialties: [],
    privilege: { expiresAt: null },
    ...overrides,
  };
}

const loads = (entries: Record<string, number | LoadInfo>) =>
  new Map(Object.entries(entries).map(([id, value]) => [id, typeof value === "number" ? { load: value, lastAssignedAt: null } : value]));

const select = (candidates: AssignmentCandidate[], load: Map<string, LoadInfo>, requiredSubspecialty: "NEURO" | null = null) =>
  selectAssignee({ candidates, request: { requiredSubspecialty }, at, loads: load, context: "AUTO_ASSIGNMENT" });

describe("selecting an assignee", () => {
  it("weighs held requests by priority", () => {
    expect(weightedLoad(["VITAL", "URGENT", "ROUTINE", "ROUTINE"])).toBe(7);
    expect(weightedLoad([])).toBe(0);
  });

  it("chooses the lowest weighted load and lists every candidate with the reason others were excluded", () => {
    const result = select(
      [candidate("a"), candidate("b"), candidate("c", { privilege: null }), candidate("d", { subspecialties: ["MSK"] })],
      loads({ a: 3, b: 2, c: 0, d: 0 }),
      "NEURO",
    );
    expect(result.chosenId).toBeNull();
    const ok = select([candidate("a"), candidate("b"), candidate("c", { privilege: null })], loads({ a: 3, b: 2, c: 0 }));
    expect(ok).toMatchObject({ chosenId: "b", chosenName: "Dr B", rule: "LOWEST_LOAD" });
    expect(ok.candidates).toEqual([
      { id: "b", name: "Dr B", role: "PRIMARY", load: 2 },
      { id: "a", name: "Dr A", role: "PRIMARY", load: 3 },
      { id: "c", name: "Dr C", role: "PRIMARY", load: 0, excludedBecause: "NO_PRIVILEGE" },
    ]);
  });

  it("prefers a primary over a less loaded backup", () => {
    const result = select([candidate("a", { shiftRole: "BACKUP" }), candidate("b")], loads({ a: 0, b: 9 }));
    expect(result).toMatchObject({ chosenId: "b", rule: "PRIMARY_BEFORE_BACKUP" });
  });

  it("breaks a tie by the least recent assignment (never assigned first), then by id", () => {
    const earlier = { load: 1, lastAssignedAt: new Date(at.getTime() - 60_000) };
    const later = { load: 1, lastAssignedAt: new Date(at.getTime() - 1_000) };
    expect(select([candidate("a"), candidate("b")], loads({ a: later, b: earlier }))).toMatchObject({ chosenId: "b", rule: "LEAST_RECENTLY_ASSIGNED" });
    expect(select([candidate("a"), candidate("b")], loads({ a: later, b: { load: 1, lastAssignedAt: null } }))).toMatchObject({ chosenId: "b" });
    expect(select([candidate("b"), candidate("a")], loads({}))).toMatchObject({ chosenId: "a", rule: "TIE_BREAK" });
  });

  it("says it was the only choice when one radiologist is eligible", () => {
    expect(select([candidate("a")], loads({}))).toMatchObject({ chosenId: "a", rule: "ONLY_ELIGIBLE" });
  });

  it("never chooses the radiologist whose shift ends", () => {
    const result = selectAssignee({ candidates: [candidate("a"), candidate("b")], request: { requiredSubspecialty: null }, at, loads: loads({ a: 0, b: 5 }), context: "SHIFT_HANDOVER", leavingId: "a" });
    expect(result.chosenId).toBe("b");
    expect(result.candidates.find((c) => c.id === "a")?.excludedBecause).toBe("LEAVING_SHIFT");
  });

  it("writes a readable sentence in French and English", () => {
    const result = select([candidate("a"), candidate("b", { privilege: { expiresAt: at } })], loads({ a: 2 }));
    expect(explanationSentence(result, "fr")).toBe(
      "Attribuée automatiquement à Dr A : seul radiologue éligible de garde. Candidats : Dr A (charge 2), Dr B (habilitation expirée).",
    );
    expect(explanationSentence(result, "en")).toBe(
      "Automatically assigned to Dr A: the only eligible radiologist on call. Candidates: Dr A (load 2), Dr B (privilege expired).",
    );
    const none = select([], loads({}));
    expect(explanationSentence(none, "fr")).toBe("Aucun radiologue éligible de garde, la demande reste dans le pool.");
  });
});
