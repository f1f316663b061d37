import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { REQUEST_STATUSES } from "./enums";
import { allowedActions, isClaimable, isOpen, nextStatus, REQUEST_ACTIONS, requiresReason, transitionTarget } from "./request-state-machine";

describe("télédiagnostic state machine", () => {
  it("walks the full life of a request, justification first", () => {
    const path = [
      ["SUBMITTED", "ACCEPT_INDICATION", "INDICATION_ACCEPTED"],
      ["INDICATION_ACCEPTED", "SEND_PROTOCOL", "PROTOCOL_SENT"],
      ["PROTOCOL_SENT", "RECEIVE_IMAGES", "IMAGES_ARRIVING"],
      ["IMAGES_ARRIVING", "COMPLETE_IMAGES", "IMAGES_COMPLETE"],
      ["IMAGES_COMPLETE", "START_READING", "IN_READING"],
      ["IN_READING", "SIGN", "SIGNED"],
      ["SIGNED", "DELIVER", "DELIVERED"],
      ["DELIVERED", "ACKNOWLEDGE", "ACKNOWLEDGED"],
    ] as const;
    for (const [from, action, to] of path) expect(nextStatus("TELEDIAGNOSTIC", from, action)).toBe(to);
  });

  it("sends a request waiting for information back to submitted when answered", () => {
    expect(nextStatus("TELEDIAGNOSTIC", "SUBMITTED", "REQUEST_INFO")).toBe("INFO_REQUESTED");
    expect(nextStatus("TELEDIAGNOSTIC", "INFO_REQUESTED", "PROVIDE_INFO")).toBe("SUBMITTED");
  });

  it("refuses reading before the indication is decided", () => {
    expect(() => nextStatus("TELEDIAGNOSTIC", "SUBMITTED", "START_READING")).toThrow(AppError);
    expect(transitionTarget("TELEDIAGNOSTIC", "SUBMITTED", "SIGN")).toBeNull();
  });

  it("refuses an illegal transition with a typed error naming it", () => {
    try {
      nextStatus("TELEDIAGNOSTIC", "SIGNED", "CANCEL");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("INVALID_TRANSITION");
      expect((error as AppError).details).toEqual({ action: "CANCEL", from: "SIGNED" });
    }
  });

  it("allows cancelling before reading, never after", () => {
    for (const from of ["SUBMITTED", "INFO_REQUESTED", "INDICATION_ACCEPTED", "PROTOCOL_SENT", "IMAGES_ARRIVING", "IMAGES_COMPLETE"] as const) {
      expect(nextStatus("TELEDIAGNOSTIC", from, "CANCEL")).toBe("CANCELLED");
    }
    for (const from of ["IN_READING", "SIGNED", "DELIVERED", "ACKNOWLEDGED", "CANCELLED", "INDICATION_REFUSED"] as const) {
      expect(transitionTarget("TELEDIAGNOSTIC", from, "CANCEL")).toBeNull();
    }
  });

  it("closes a refused indication", () => {
    expect(nextStatus("TELEDIAGNOSTIC", "SUBMITTED", "REFUSE_INDICATION")).toBe("INDICATION_REFUSED");
    expect(allowedActions("TELEDIAGNOSTIC", "INDICATION_REFUSED")).toEqual([]);
    expect(isOpen("INDICATION_REFUSED")).toBe(false);
  });
});

describe("téléexpertise state machine", () => {
  it("goes straight to the expert's reading, with no justification step", () => {
    expect(nextStatus("TELEEXPERTISE", "SUBMITTED", "START_READING")).toBe("IN_READING");
    expect(transitionTarget("TELEEXPERTISE", "SUBMITTED", "ACCEPT_INDICATION")).toBeNull();
    expect(transitionTarget("TELEEXPERTISE", "SUBMITTED", "SEND_PROTOCOL")).toBeNull();
  });

  it("ends with the signed opinion delivered and acknowledged", () => {
    expect(nextStatus("TELEEXPERTISE", "IN_READING", "SIGN")).toBe("SIGNED");
    expect(nextStatus("TELEEXPERTISE", "SIGNED", "DELIVER")).toBe("DELIVERED");
    expect(nextStatus("TELEEXPERTISE", "DELIVERED", "ACKNOWLEDGE")).toBe("ACKNOWLEDGED");
  });
});

describe("claimability", () => {
  it("lets open requests be claimed and closed ones not", () => {
    expect(isClaimable("SUBMITTED")).toBe(true);
    expect(isClaimable("IMAGES_COMPLETE")).toBe(true);
    expect(isClaimable("SIGNED")).toBe(false);
    expect(isClaimable("CANCELLED")).toBe(false);
  });
});

describe("every transition, allowed or refused", () => {
  // The complete list of allowed transitions; everything else must be refused.
  const ALLOWED: Record<"TELEDIAGNOSTIC" | "TELEEXPERTISE", string[]> = {
    TELEDIAGNOSTIC: [
      "SUBMITTED REQUEST_INFO INFO_REQUESTED",
      "SUBMITTED ACCEPT_INDICATION INDICATION_ACCEPTED",
      "SUBMITTED MODIFY_INDICATION INDICATION_MODIFIED",
      "SUBMITTED REFUSE_INDICATION INDICATION_REFUSED",
      "SUBMITTED CANCEL CANCELLED",
      "INFO_REQUESTED PROVIDE_INFO SUBMITTED",
      "INFO_REQUESTED CANCEL CANCELLED",
      "INDICATION_ACCEPTED SEND_PROTOCOL PROTOCOL_SENT",
      "INDICATION_ACCEPTED CANCEL CANCELLED",
      "INDICATION_MODIFIED SEND_PROTOCOL PROTOCOL_SENT",
      "INDICATION_MODIFIED CANCEL CANCELLED",
      "PROTOCOL_SENT RECEIVE_IMAGES IMAGES_ARRIVING",
      "PROTOCOL_SENT CANCEL CANCELLED",
      "IMAGES_ARRIVING COMPLETE_IMAGES IMAGES_COMPLETE",
      "IMAGES_ARRIVING CANCEL CANCELLED",
      "IMAGES_COMPLETE START_READING IN_READING",
      "IMAGES_COMPLETE CANCEL CANCELLED",
      "IN_READING SIGN SIGNED",
      "SIGNED DELIVER DELIVERED",
      "DELIVERED ACKNOWLEDGE ACKNOWLEDGED",
    ],
    TELEEXPERTISE: [
      "SUBMITTED START_READING IN_READING",
      "SUBMITTED CANCEL CANCELLED",
      "IN_READING SIGN SIGNED",
      "SIGNED DELIVER DELIVERED",
      "DELIVERED ACKNOWLEDGE ACKNOWLEDGED",
    ],
  };

  for (const type of ["TELEDIAGNOSTIC", "TELEEXPERTISE"] as const) {
    it(`${type}: allows exactly the listed transitions and refuses the ${REQUEST_STATUSES.length * REQUEST_ACTIONS.length - ALLOWED[type].length} others`, () => {
      const seen: string[] = [];
      for (const from of REQUEST_STATUSES) {
        for (const action of REQUEST_ACTIONS) {
          const to = transitionTarget(type, from, action);
          if (to === null) {
            expect(() => nextStatus(type, from, action)).toThrow(AppError);
          } else {
            seen.push(`${from} ${action} ${to}`);
          }
        }
      }
      expect(seen.sort()).toEqual([...ALLOWED[type]].sort());
    });
  }

  it("asks a reason for the acts that must say why", () => {
    expect(REQUEST_ACTIONS.filter(requiresReason)).toEqual(["REQUEST_INFO", "PROVIDE_INFO", "MODIFY_INDICATION", "REFUSE_INDICATION", "CANCEL"]);
  });
});
