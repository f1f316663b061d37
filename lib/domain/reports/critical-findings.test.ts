import { describe, expect, it } from "vitest";
import type { Actor } from "../access";
import {
  acknowledgeDeadline,
  canAcknowledgeCritical,
  canFlagCritical,
  canRecordCommunication,
  canSeeCriticalFindings,
  communicatedReason,
  communicationTimeProblem,
  criticalEscalationRecipients,
  escalationDue,
  escalationSkip,
  findingState,
  flaggedReason,
  isOverdue,
  type FindingClock,
} from "./critical-findings";
import { flagCriticalFindingSchema, recordCommunicationSchema } from "./critical-schemas";

const actor = (role: Actor["role"], id = "me", siteId: string | null = null): Actor => ({ id, role, displayName: "Dr Test", siteId, readableSiteIds: ["s1"] });
const T0 = new Date("2026-11-24T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const requestId = "5b0c7c1e-8f43-4c2a-9d39-3f7c1f6f0a11";
const findingId = "0f4b6a7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

function vital(overrides: Partial<FindingClock> = {}): FindingClock {
  return { category: "MINUTES", acknowledgeBy: minutes(15), acknowledgedAt: null, escalatedAt: null, ...overrides };
}

describe("the acknowledgement deadline", () => {
  it("is the site's delay after flagging for a vital finding, and none for hours or days", () => {
    expect(acknowledgeDeadline("MINUTES", T0, 15)).toEqual(minutes(15));
    expect(acknowledgeDeadline("MINUTES", T0, 1)).toEqual(minutes(1));
    expect(acknowledgeDeadline("HOURS", T0, 15)).toBeNull();
    expect(acknowledgeDeadline("DAYS", T0, 15)).toBeNull();
  });
});

describe("escalation", () => {
  it("is due once the deadline passed, if nobody acknowledged and it was not escalated yet", () => {
    expect(escalationDue(vital(), minutes(14))).toBe(false);
    expect(escalationSkip(vital(), minutes(14))).toBe("NOT_DUE");
    expect(escalationDue(vital(), minutes(15))).toBe(true);
    expect(escalationDue(vital(), minutes(60))).toBe(true);
  });

  it("never happens to an acknowledged, already escalated, or non-vital finding", () => {
    expect(escalationSkip(vital({ acknowledgedAt: minutes(3) }), minutes(16))).toBe("ACKNOWLEDGED");
    expect(escalationSkip(vital({ escalatedAt: minutes(15) }), minutes(16))).toBe("ALREADY_ESCALATED");
    expect(escalationSkip({ category: "HOURS", acknowledgeBy: null, acknowledgedAt: null, escalatedAt: null }, minutes(600))).toBe("NOT_VITAL");
    expect(escalationSkip({ category: "DAYS", acknowledgeBy: null, acknowledgedAt: null, escalatedAt: null }, minutes(6000))).toBe("NOT_VITAL");
  });

  it("reaches the site's referring physicians and the heads, each once", () => {
    expect(criticalEscalationRecipients({ siteReferrerIds: ["r1", "r2"], headIds: ["h1", "r2"] }).sort()).toEqual(["h1", "r1", "r2"]);
    expect(criticalEscalationRecipients({ siteReferrerIds: [], headIds: [] })).toEqual([]);
  });
});

describe("a finding's state", () => {
  it("is open, then escalated, and acknowledged closes it even after an escalation", () => {
    expect(findingState({ acknowledgedAt: null, escalatedAt: null })).toBe("open");
    expect(findingState({ acknowledgedAt: null, escalatedAt: minutes(15) })).toBe("escalated");
    expect(findingState({ acknowledgedAt: minutes(20), escalatedAt: minutes(15) })).toBe("acknowledged");
    expect(findingState({ acknowledgedAt: minutes(2), escalatedAt: null })).toBe("acknowledged");
  });

  it("is overdue only while a vital deadline has passed unacknowledged", () => {
    expect(isOverdue(vital(), minutes(14))).toBe(false);
    expect(isOverdue(vital(), minutes(15))).toBe(true);
    expect(isOverdue(vital({ acknowledgedAt: minutes(16) }), minutes(20))).toBe(false);
    expect(isOverdue({ category: "HOURS", acknowledgeBy: null, acknowledgedAt: null, escalatedAt: null }, minutes(600))).toBe(false);
  });
});

describe("who does what", () => {
  it("lets only the radiologist holding the request flag, once reading has begun", () => {
    const me = actor("RADIOLOGIST");
    expect(canFlagCritical(me, { holderId: "me", status: "IN_READING" })).toBe(true);
    for (const status of ["SIGNED", "DELIVERED", "ACKNOWLEDGED"] as const) expect(canFlagCritical(me, { holderId: "me", status })).toBe(true);
    for (const status of ["SUBMITTED", "IMAGES_COMPLETE", "CANCELLED"] as const) expect(canFlagCritical(me, { holderId: "me", status })).toBe(false);
    expect(canFlagCritical(me, { holderId: "other", status: "IN_READING" })).toBe(false);
    expect(canFlagCritical(actor("DEPARTMENT_HEAD"), { holderId: "me", status: "IN_READING" })).toBe(false);
  });

  it("lets the flagging radiologist or the current holder record communications", () => {
    expect(canRecordCommunication(actor("RADIOLOGIST"), { holderId: "other" }, { flaggedById: "me" })).toBe(true);
    expect(canRecordCommunication(actor("RADIOLOGIST"), { holderId: "me" }, { flaggedById: "other" })).toBe(true);
    expect(canRecordCommunication(actor("RADIOLOGIST"), { holderId: "x" }, { flaggedById: "y" })).toBe(false);
    expect(canRecordCommunication(actor("REFERRER", "me", "s1"), { holderId: "me" }, { flaggedById: "me" })).toBe(false);
  });

  it("lets any referring physician of the request's site acknowledge, nobody else", () => {
    expect(canAcknowledgeCritical(actor("REFERRER", "ref", "s1"), { siteId: "s1" })).toBe(true);
    expect(canAcknowledgeCritical(actor("REFERRER", "ref", "s2"), { siteId: "s1" })).toBe(false);
    expect(canAcknowledgeCritical(actor("RADIOGRAPHER", "m", "s1"), { siteId: "s1" })).toBe(false);
    expect(canAcknowledgeCritical(actor("DEPARTMENT_HEAD"), { siteId: "s1" })).toBe(false);
  });

  it("shows findings to referrers, radiologists and heads, not to radiographers or administrators", () => {
    expect(["REFERRER", "RADIOLOGIST", "DEPARTMENT_HEAD"].every((role) => canSeeCriticalFindings(actor(role as Actor["role"])))).toBe(true);
    expect(canSeeCriticalFindings(actor("RADIOGRAPHER"))).toBe(false);
    expect(canSeeCriticalFindings(actor("ADMIN"))).toBe(false);
  });
});

describe("a communication's time", () => {
  it("is in the past (a minute of clock skew allowed) and at most a week old", () => {
    expect(communicationTimeProblem(T0, T0)).toBeNull();
    expect(communicationTimeProblem(new Date(T0.getTime() + 30_000), T0)).toBeNull();
    expect(communicationTimeProblem(minutes(5), T0)).toBe("FUTURE");
    expect(communicationTimeProblem(minutes(-7 * 24 * 60 + 1), T0)).toBeNull();
    expect(communicationTimeProblem(minutes(-7 * 24 * 60 - 1), T0)).toBe("TOO_OLD");
    expect(communicationTimeProblem(new Date(Number.NaN), T0)).toBe("TOO_OLD");
  });
});

describe("the trace's sentences", () => {
  it("say the category and the finding, within the event's 2000 characters", () => {
    expect(flaggedReason("MINUTES")).toBe("Minutes (urgence vitale)");
    expect(communicatedReason({ channel: "PHONE", recipientName: "Dr Martin", acknowledged: true })).toBe("Communiqué par téléphone à Dr Martin — relecture confirmée");
  });
});

describe("the inputs", () => {
  it("need a category and a trimmed description of at most 2000 characters", () => {
    expect(flagCriticalFindingSchema.parse({ requestId, category: "MINUTES", description: "  Dissection aortique  " })).toEqual({ requestId, category: "MINUTES", description: "Dissection aortique" });
    expect(flagCriticalFindingSchema.safeParse({ requestId, category: "SECONDS", description: "x" }).error?.issues[0]).toMatchObject({ path: ["category"], message: "validation.choose" });
    expect(flagCriticalFindingSchema.safeParse({ requestId, category: "HOURS", description: "   " }).error?.issues[0]).toMatchObject({ path: ["description"], message: "validation.required" });
    expect(flagCriticalFindingSchema.safeParse({ requestId, category: "HOURS", description: "x".repeat(2001) }).error?.issues[0]).toMatchObject({ message: "validation.tooLong" });
    expect(flagCriticalFindingSchema.safeParse({ requestId, category: "HOURS", description: "a\0b" }).success).toBe(false);
  });

  it("need a recipient's name and a channel; the time defaults to now and may be neither future nor older than a week", () => {
    const base = { findingId, recipientName: " Dr Martin ", channel: "PHONE" };
    expect(recordCommunicationSchema.parse(base)).toEqual({ findingId, recipientName: "Dr Martin", recipientId: null, channel: "PHONE", acknowledged: false });
    expect(recordCommunicationSchema.parse({ ...base, recipientId: "" }).recipientId).toBeNull();
    expect(recordCommunicationSchema.safeParse({ ...base, recipientName: "" }).error?.issues[0]).toMatchObject({ path: ["recipientName"], message: "validation.required" });
    expect(recordCommunicationSchema.safeParse({ ...base, recipientName: "x".repeat(201) }).success).toBe(false);
    expect(recordCommunicationSchema.safeParse({ ...base, channel: "FAX" }).error?.issues[0]).toMatchObject({ path: ["channel"], message: "validation.choose" });
    expect(recordCommunicationSchema.safeParse({ ...base, recipientId: "nope" }).error?.issues[0]).toMatchObject({ path: ["recipientId"], message: "validation.id" });
    const future = new Date(Date.now() + 3_600_000);
    expect(recordCommunicationSchema.safeParse({ ...base, communicatedAt: future }).error?.issues[0]).toMatchObject({ path: ["communicatedAt"], message: "validation.dateInFuture" });
    const old = new Date(Date.now() - 8 * 86_400_000);
    expect(recordCommunicationSchema.safeParse({ ...base, communicatedAt: old }).error?.issues[0]).toMatchObject({ path: ["communicatedAt"], message: "critical.validation.tooOld" });
    expect(recordCommunicationSchema.safeParse({ ...base, communicatedAt: "not a date" }).success).toBe(false);
  });
});
