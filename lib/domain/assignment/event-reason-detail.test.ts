import { describe, expect, it } from "vitest";
import { eventReasonSentence, parseEventReasonDetail } from "./event-reason-detail";
import type { AssignmentExplanation } from "./selection";

const explanation: AssignmentExplanation = {
  context: "AUTO_ASSIGNMENT",
  at: "2026-12-07T02:00:00.000Z",
  chosenId: "a",
  chosenName: "Dr Aubert",
  rule: "LOWEST_LOAD",
  candidates: [
    { id: "a", name: "Dr Aubert", role: "PRIMARY", load: 1 },
    { id: "b", name: "Dr Blanc", role: "PRIMARY", load: 3 },
  ],
};

describe("event reason detail", () => {
  it("renders an automatic assignment in the reader's language from its stored codes", () => {
    const stored = JSON.parse(JSON.stringify({ kind: "ASSIGNMENT", explanation })) as unknown;
    const detail = parseEventReasonDetail(stored)!;
    expect(eventReasonSentence(detail, "en")).toBe("Automatically assigned to Dr Aubert: lowest load. Candidates: Dr Aubert (load 1), Dr Blanc (load 3).");
    expect(eventReasonSentence(detail, "fr")).toBe("Attribuée automatiquement à Dr Aubert : charge la plus faible. Candidats : Dr Aubert (charge 1), Dr Blanc (charge 3).");
  });

  it("renders a shift handover with the leaving radiologist's name and an escalation level", () => {
    const handover = { kind: "ASSIGNMENT", explanation: { ...explanation, context: "SHIFT_HANDOVER" }, leavingName: "Dr Caron" };
    expect(eventReasonSentence(parseEventReasonDetail(handover)!, "en")).toMatch(/^End of Dr Caron's shift: handed over to Dr Aubert: lowest load\./);
    expect(eventReasonSentence(parseEventReasonDetail({ kind: "ESCALATION", level: 2 })!, "en")).toMatch(/^Not taken within target: escalated to level 2/);
  });

  it("leaves unknown or missing details to the stored sentence", () => {
    expect(parseEventReasonDetail(null)).toBeNull();
    expect(parseEventReasonDetail({ kind: "ASSIGNMENT", explanation: { nope: 1 } })).toBeNull();
    expect(parseEventReasonDetail({ kind: "OTHER" })).toBeNull();
  });
});
