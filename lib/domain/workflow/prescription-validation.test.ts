import { describe, expect, it } from "vitest";
import { INDICATION_DECIDED, lastValidation, PROTOCOL_VALIDATED } from "./prescription-validation";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 3, minute));

describe("who validated the prescription", () => {
  const timeline = [
    { at: at(0), toStatus: "SUBMITTED", actorName: "Dr Urgences" },
    { at: at(5), toStatus: "INDICATION_ACCEPTED", actorName: "Dr Nguyen" },
    { at: at(6), toStatus: "PROTOCOL_SENT", actorName: "Dr Nguyen" },
    { at: at(9), toStatus: null, actorName: "Dr Urgences" },
    { at: at(20), toStatus: "PROTOCOL_SENT", actorName: "Dr Dubois" },
  ];

  it("names the latest protocol sent and the indication's decision", () => {
    expect(lastValidation(timeline, PROTOCOL_VALIDATED)).toEqual({ by: "Dr Dubois", at: at(20) });
    expect(lastValidation(timeline, INDICATION_DECIDED)).toEqual({ by: "Dr Nguyen", at: at(5) });
  });

  it("says nothing before any validation", () => {
    expect(lastValidation(timeline.slice(0, 1), PROTOCOL_VALIDATED)).toBeNull();
  });
});
