import { describe, expect, it } from "vitest";
import type { Actor } from "./access";
import { REQUEST_STATUSES, ROLES, type RequestStatus } from "./enums";
import { grantsPriors, priorThroughHeldRequest, territoryDate, type HeldRequestForPriors, type PriorCandidate } from "./prior-access";
import type { PatientIdentity } from "./prior-match";

const reader: Actor = { id: "rad-1", role: "RADIOLOGIST", displayName: "Dr Reader", siteId: null, readableSiteIds: ["s1"] };
const louise: PatientIdentity = { ins: "250039912345678", familyName: "Dupont", givenName: "Louise", birthDate: "1950-03-02", sex: "FEMALE" };

const held = (over: Partial<HeldRequestForPriors> = {}): HeldRequestForPriors => ({
  id: "held",
  holderId: reader.id,
  status: "IN_READING",
  submittedAt: new Date("2026-01-10T09:00:00Z"),
  patient: louise,
  ...over,
});
const earlier = (over: Partial<PriorCandidate> = {}): PriorCandidate => ({
  requestId: "earlier",
  submittedAt: new Date("2025-01-10T09:00:00Z"),
  patient: louise,
  studyDate: "20250110",
  ...over,
});

const WORK_DONE = new Set<RequestStatus>(["SIGNED", "DELIVERED", "ACKNOWLEDGED", "CANCELLED", "INDICATION_REFUSED"]);

describe("priors opened by a held request", () => {
  it.each(REQUEST_STATUSES)("are granted while the request is being worked on, not once it is closed (status %s)", (status) => {
    const expected = WORK_DONE.has(status) ? null : "INS";
    expect(grantsPriors(reader, held({ status }))).toBe(expected !== null);
    expect(priorThroughHeldRequest(reader, held({ status }), earlier())).toBe(expected);
  });

  it("are the holder's only: not another radiologist's, nor anyone of another role", () => {
    expect(priorThroughHeldRequest({ ...reader, id: "rad-2" }, held(), earlier())).toBeNull();
    expect(priorThroughHeldRequest(reader, held({ holderId: null }), earlier())).toBeNull();
    for (const role of ROLES.filter((r) => r !== "RADIOLOGIST")) {
      expect(priorThroughHeldRequest({ ...reader, role }, held(), earlier())).toBeNull();
    }
  });

  it("never include a later request of the patient, nor the held request itself", () => {
    expect(priorThroughHeldRequest(reader, held(), earlier({ submittedAt: new Date("2026-03-01T09:00:00Z"), studyDate: "20260301" }))).toBeNull();
    // Submitted in the same instant is not before.
    expect(priorThroughHeldRequest(reader, held(), earlier({ submittedAt: held().submittedAt, studyDate: "20260110" }))).toBeNull();
    expect(priorThroughHeldRequest(reader, held(), earlier({ requestId: "held" }))).toBeNull();
  });

  it("never include a study made after the held request's submission day, even linked to an earlier request", () => {
    expect(priorThroughHeldRequest(reader, held(), earlier({ studyDate: "20260111" }))).toBeNull();
    // The same day counts: the patient was imaged, then the request was sent.
    expect(priorThroughHeldRequest(reader, held(), earlier({ studyDate: "20260110" }))).toBe("INS");
    // A study without a date (or an unreadable one) falls back on the submission order.
    expect(priorThroughHeldRequest(reader, held(), earlier({ studyDate: null }))).toBe("INS");
    expect(priorThroughHeldRequest(reader, held(), earlier({ studyDate: "2026" }))).toBe("INS");
  });

  it("compares the study date with the submission day in the territory's time zone", () => {
    // 23:30 UTC on 10 January is 00:30 on 11 January in Paris.
    expect(territoryDate(new Date("2026-01-10T23:30:00Z"))).toBe("20260111");
    const justAfterMidnight = held({ submittedAt: new Date("2026-01-10T23:30:00Z") });
    expect(priorThroughHeldRequest(reader, justAfterMidnight, earlier({ submittedAt: new Date("2026-01-10T23:10:00Z"), studyDate: "20260111" }))).toBe("INS");
  });

  it("keep the patient match rules: INS when both have one, traits otherwise", () => {
    expect(priorThroughHeldRequest(reader, held(), earlier({ patient: { ...louise, ins: "250039912345699" } }))).toBeNull();
    expect(priorThroughHeldRequest(reader, held(), earlier({ patient: { ...louise, ins: null } }))).toBe("TRAITS");
    expect(priorThroughHeldRequest(reader, held(), earlier({ patient: { ...louise, ins: null, givenName: "Lucie" } }))).toBeNull();
  });
});
