import { describe, expect, it } from "vitest";
import type { Actor } from "../access";
import type { RequestStatus } from "../enums";
import { availableActs, canPerform, type WorkflowSubject } from "./workflow-permissions";

const SITE = "site-a";
const actor = (role: Actor["role"], id = `${role}-1`, siteId: string | null = SITE): Actor => ({ id, role, displayName: id, siteId, readableSiteIds: role === "RADIOLOGIST" ? [SITE] : [] });
const radiologist = actor("RADIOLOGIST", "radio-1", null);
const otherRadiologist = actor("RADIOLOGIST", "radio-2", null);
const referrer = actor("REFERRER");
const foreignReferrer = actor("REFERRER", "ref-b", "site-b");
const radiographer = actor("RADIOGRAPHER");
const head = actor("DEPARTMENT_HEAD", "head", null);

const request = (status: RequestStatus, overrides: Partial<WorkflowSubject> = {}): WorkflowSubject => ({
  type: "TELEDIAGNOSTIC",
  status,
  siteId: SITE,
  holderId: radiologist.id,
  patientInformedAt: null,
  ...overrides,
});

describe("who may perform which act", () => {
  it("lets only the holding radiologist decide the indication of a submitted télédiagnostic", () => {
    expect(canPerform(radiologist, request("SUBMITTED"), "DECIDE_INDICATION")).toBe(true);
    expect(canPerform(otherRadiologist, request("SUBMITTED"), "DECIDE_INDICATION")).toBe(false);
    expect(canPerform(radiologist, request("SUBMITTED", { holderId: null }), "DECIDE_INDICATION")).toBe(false);
    expect(canPerform(radiologist, request("INFO_REQUESTED"), "DECIDE_INDICATION")).toBe(false);
    expect(canPerform(radiologist, request("SUBMITTED", { type: "TELEEXPERTISE" }), "DECIDE_INDICATION")).toBe(false);
  });

  it("lets the site's referrers answer a request for information, nobody else", () => {
    expect(canPerform(referrer, request("INFO_REQUESTED"), "PROVIDE_INFO")).toBe(true);
    expect(canPerform(foreignReferrer, request("INFO_REQUESTED"), "PROVIDE_INFO")).toBe(false);
    expect(canPerform(radiologist, request("INFO_REQUESTED"), "PROVIDE_INFO")).toBe(false);
    expect(canPerform(referrer, request("SUBMITTED"), "PROVIDE_INFO")).toBe(false);
  });

  it("sends the protocol after an accepted or modified indication, by the holder", () => {
    expect(canPerform(radiologist, request("INDICATION_ACCEPTED"), "SEND_PROTOCOL")).toBe(true);
    expect(canPerform(radiologist, request("INDICATION_MODIFIED"), "SEND_PROTOCOL")).toBe(true);
    expect(canPerform(radiologist, request("SUBMITTED"), "SEND_PROTOCOL")).toBe(false);
    expect(canPerform(otherRadiologist, request("INDICATION_ACCEPTED"), "SEND_PROTOCOL")).toBe(false);
  });

  it("lets the site's radiographer record the patient's information once, after the protocol", () => {
    expect(canPerform(radiographer, request("PROTOCOL_SENT"), "RECORD_PATIENT_INFORMED")).toBe(true);
    expect(canPerform(radiographer, request("IMAGES_COMPLETE"), "RECORD_PATIENT_INFORMED")).toBe(true);
    expect(canPerform(radiographer, request("PROTOCOL_SENT", { patientInformedAt: new Date() }), "RECORD_PATIENT_INFORMED")).toBe(false);
    expect(canPerform(radiographer, request("INDICATION_ACCEPTED"), "RECORD_PATIENT_INFORMED")).toBe(false);
  });

  it("lets a referrer of the site record the patient's information from submission until reading starts", () => {
    // Sites without a radiographer account (BLR, MTC in the demo) could never read otherwise.
    for (const status of ["SUBMITTED", "INFO_REQUESTED", "INDICATION_ACCEPTED", "INDICATION_MODIFIED", "PROTOCOL_SENT", "IMAGES_ARRIVING", "IMAGES_COMPLETE"] as const) {
      expect(canPerform(referrer, request(status), "RECORD_PATIENT_INFORMED"), status).toBe(true);
    }
    // Another referrer of the same site (a colleague of the requester) may too.
    expect(canPerform(actor("REFERRER", "ref-2"), request("PROTOCOL_SENT"), "RECORD_PATIENT_INFORMED")).toBe(true);
    expect(availableActs(referrer, request("IMAGES_COMPLETE"))).toContain("RECORD_PATIENT_INFORMED");
  });

  it("never lets anyone else record the patient's information, nor twice, nor once reading started", () => {
    expect(canPerform(foreignReferrer, request("PROTOCOL_SENT", { siteId: SITE }), "RECORD_PATIENT_INFORMED")).toBe(false);
    expect(canPerform(actor("RADIOGRAPHER", "mer-b", "site-b"), request("PROTOCOL_SENT"), "RECORD_PATIENT_INFORMED")).toBe(false);
    for (const who of [radiologist, head, actor("ADMIN", "admin", null)]) expect(canPerform(who, request("IMAGES_COMPLETE"), "RECORD_PATIENT_INFORMED")).toBe(false);
    expect(canPerform(referrer, request("IMAGES_COMPLETE", { patientInformedAt: new Date() }), "RECORD_PATIENT_INFORMED")).toBe(false);
    for (const status of ["IN_READING", "SIGNED", "DELIVERED", "CANCELLED", "INDICATION_REFUSED"] as const) {
      expect(canPerform(referrer, request(status), "RECORD_PATIENT_INFORMED"), status).toBe(false);
    }
    // A téléexpertise has no remote act on the patient to inform of.
    expect(canPerform(referrer, request("SUBMITTED", { type: "TELEEXPERTISE" }), "RECORD_PATIENT_INFORMED")).toBe(false);
    // The radiographer, as before, only once the protocol is sent (they meet the patient at acquisition).
    expect(canPerform(radiographer, request("SUBMITTED"), "RECORD_PATIENT_INFORMED")).toBe(false);
  });

  it("allows cancelling before reading to the referrer, the holder and the head", () => {
    for (const who of [referrer, radiologist, head]) expect(canPerform(who, request("IMAGES_COMPLETE"), "CANCEL")).toBe(true);
    for (const who of [radiographer, otherRadiologist, foreignReferrer]) expect(canPerform(who, request("SUBMITTED"), "CANCEL")).toBe(false);
    expect(canPerform(referrer, request("IN_READING"), "CANCEL")).toBe(false);
  });

  it("lists the acts the request page offers", () => {
    expect(availableActs(radiologist, request("SUBMITTED"))).toEqual(["DECIDE_INDICATION", "CANCEL"]);
    expect(availableActs(referrer, request("INFO_REQUESTED"))).toEqual(["PROVIDE_INFO", "RECORD_PATIENT_INFORMED", "CANCEL"]);
    expect(availableActs(radiographer, request("PROTOCOL_SENT"))).toEqual(["RECORD_PATIENT_INFORMED"]);
  });
});
