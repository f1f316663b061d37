import { describe, expect, it } from "vitest";
import { unreachableSteps, type ReplayedEvent, type ReplayedRequest } from "./request-timeline-replay";

const t = (minutes: number) => new Date(Date.UTC(2026, 1, 3, 9, minutes));
const move = (from: ReplayedEvent["fromStatus"], to: ReplayedEvent["toStatus"], minutes: number, type = "STATUS_CHANGED"): ReplayedEvent => ({ type, fromStatus: from, toStatus: to, at: t(minutes) });
const note = (type: string, minutes: number): ReplayedEvent => ({ type, fromStatus: null, toStatus: null, at: t(minutes) });

const submitted = move(null, "SUBMITTED", 0, "SUBMITTED");
const upToComplete = [
  submitted,
  note("CLAIMED", 0),
  move("SUBMITTED", "INDICATION_ACCEPTED", 5),
  move("INDICATION_ACCEPTED", "PROTOCOL_SENT", 5),
  note("PATIENT_INFORMED", 8),
  move("PROTOCOL_SENT", "IMAGES_ARRIVING", 10, "IMAGES_RECEIVED"),
  move("IMAGES_ARRIVING", "IMAGES_COMPLETE", 12, "IMAGES_COMPLETE"),
];
const readAndAcknowledged = [
  ...upToComplete,
  move("IMAGES_COMPLETE", "IN_READING", 15),
  move("IN_READING", "SIGNED", 30),
  move("SIGNED", "DELIVERED", 30),
  note("REPORT_OPENED", 40),
  move("DELIVERED", "ACKNOWLEDGED", 40),
];
const request = (overrides: Partial<ReplayedRequest>): ReplayedRequest => ({
  type: "TELEDIAGNOSTIC",
  status: "ACKNOWLEDGED",
  policy: "REQUIRED",
  events: readAndAcknowledged,
  report: { signedAt: t(30), acknowledgedAt: t(40) },
  ...overrides,
});

describe("replaying a stored timeline through the state machine", () => {
  it("accepts the life of a request as the services write it", () => {
    expect(unreachableSteps(request({}))).toEqual([]);
    expect(unreachableSteps(request({ status: "IMAGES_COMPLETE", events: upToComplete, report: null }))).toEqual([]);
  });

  it("refuses a request read by the referrer that was never signed", () => {
    expect(unreachableSteps(request({ report: null }))).toEqual(expect.arrayContaining(["signed without a signed report", "ACKNOWLEDGED without a signed report"]));
    expect(unreachableSteps(request({ report: { signedAt: t(30), acknowledgedAt: null } }))).toContain("acknowledged but the report's delivery was never acknowledged");
  });

  it("accepts a trace that leaves the status as it is, but not one from another status", () => {
    const opinion = [submitted, move("SUBMITTED", "SUBMITTED", 2, "IMAGES_RECEIVED")];
    expect(unreachableSteps(request({ type: "TELEEXPERTISE", status: "SUBMITTED", events: opinion, report: null }))).toEqual([]);
    const stray = [submitted, move("IN_READING", "IN_READING", 2, "IMAGES_RECEIVED")];
    expect(unreachableSteps(request({ type: "TELEEXPERTISE", status: "IN_READING", events: stray, report: null }))).toContain("IMAGES_RECEIVED from IN_READING while the request was SUBMITTED");
  });

  it("refuses a skipped or invented transition, and a stored status the timeline does not reach", () => {
    const skipped = [submitted, move("SUBMITTED", "ACKNOWLEDGED", 3)];
    expect(unreachableSteps(request({ events: skipped }))).toContain("SUBMITTED -> ACKNOWLEDGED is not a transition of a TELEDIAGNOSTIC");
    expect(unreachableSteps(request({ status: "DELIVERED" }))).toContain("stored status DELIVERED, timeline ends at ACKNOWLEDGED");
    expect(unreachableSteps(request({ events: [move("SUBMITTED", "CANCELLED", 1)] }))).toEqual(["does not start with its submission"]);
  });

  it("refuses reading before the patient's information where the site requires it, not where it does not", () => {
    const uninformed = readAndAcknowledged.filter((event) => event.type !== "PATIENT_INFORMED");
    expect(unreachableSteps(request({ events: uninformed }))).toEqual(["reading started before the patient was informed (site policy)"]);
    expect(unreachableSteps(request({ events: uninformed, policy: "NOT_REQUIRED" }))).toEqual([]);
  });

  it("refuses a report opened before it was signed", () => {
    const early = [...upToComplete, note("REPORT_OPENED", 13), move("IMAGES_COMPLETE", "IN_READING", 15), move("IN_READING", "SIGNED", 30), move("SIGNED", "DELIVERED", 30)];
    expect(unreachableSteps(request({ status: "DELIVERED", events: early, report: { signedAt: t(30), acknowledgedAt: null } }))).toEqual(["REPORT_OPENED before any signed report"]);
  });
});
