import { describe, expect, it } from "vitest";
import { matchesPersonName, matchesWorklistQuery } from "./worklist-match";
import { type NaturalDataset, parseWorklistQuery } from "./worklist-query";
import { worklistResponse } from "./worklist-response";

const item: NaturalDataset = {
  PatientName: [{ Alphabetic: "DÜPONT^Hélène" }],
  PatientID: "IPP123",
  AccessionNumber: "TR00000042",
  PatientBirthDate: "19500302",
  OtherPatientIDsSequence: [],
  ScheduledProcedureStepSequence: [
    { ScheduledStationAETitle: "CT_URG", Modality: "CT", ScheduledProcedureStepStartDate: "20261207", ScheduledProcedureStepStartTime: "103000", ScheduledProcedureStepDescription: "TDM" },
  ],
};

function matches(identifier: NaturalDataset): boolean {
  const parsed = parseWorklistQuery(identifier);
  if (!parsed.ok) throw new Error(parsed.reason);
  return matchesWorklistQuery(item, parsed.query, NOW);
}
/** The item was scheduled at 10:30 on the 7th; it is 11:00 the same day. */
const NOW = "20261207110000.000000";
const step = (keys: NaturalDataset) => ({ ScheduledProcedureStepSequence: [keys] });

describe("worklist matching", () => {
  it("matches everything with empty or * keys", () => {
    expect(matches({})).toBe(true);
    expect(matches({ PatientName: "", PatientID: "*", ScheduledProcedureStepSequence: [] })).toBe(true);
    expect(matches(step({ Modality: "", ScheduledProcedureStepStartDate: "" }))).toBe(true);
  });

  it("matches the scheduled date as a day, a range or an open range, with the time as one date-time", () => {
    expect(matches(step({ ScheduledProcedureStepStartDate: "20261207" }))).toBe(true);
    expect(matches(step({ ScheduledProcedureStepStartDate: "20261208" }))).toBe(false);
    expect(matches(step({ ScheduledProcedureStepStartDate: "20261201-20261207" }))).toBe(true);
    expect(matches(step({ ScheduledProcedureStepStartDate: "20261208-" }))).toBe(false);
    expect(matches(step({ ScheduledProcedureStepStartDate: "-20261207" }))).toBe(true);
    expect(matches(step({ ScheduledProcedureStepStartDate: "20261207", ScheduledProcedureStepStartTime: "0800-1100" }))).toBe(true);
    expect(matches(step({ ScheduledProcedureStepStartDate: "20261207", ScheduledProcedureStepStartTime: "1200-" }))).toBe(false);
    // The night from the 6th 22:00 to the 7th 09:00, and from the 7th 22:00 to the 8th 09:00.
    expect(matches(step({ ScheduledProcedureStepStartDate: "20261206-20261207", ScheduledProcedureStepStartTime: "2200-0900" }))).toBe(false);
    expect(matches(step({ ScheduledProcedureStepStartDate: "20261206-20261207", ScheduledProcedureStepStartTime: "2200-1100" }))).toBe(true);
    expect(matches(step({ ScheduledProcedureStepStartTime: "1030" }))).toBe(true);
  });

  it("matches modality and station AE (lists too), patient ID and accession number exactly or by wildcard", () => {
    expect(matches(step({ Modality: "CT" }))).toBe(true);
    expect(matches(step({ Modality: "MR" }))).toBe(false);
    expect(matches(step({ Modality: ["MR", "CT"] }))).toBe(true);
    expect(matches(step({ ScheduledStationAETitle: "CT_URG" }))).toBe(true);
    expect(matches(step({ ScheduledStationAETitle: "CT_2" }))).toBe(false);
    expect(matches({ PatientID: "IPP1*" })).toBe(true);
    expect(matches({ PatientID: "ipp123" })).toBe(false);
    expect(matches({ AccessionNumber: "TR00000042" })).toBe(true);
    expect(matches({ AccessionNumber: "TR0000004?" })).toBe(true);
    expect(matches({ AccessionNumber: "TR00000043" })).toBe(false);
  });

  it("matches names without case or accents, the whole name or the family name, with wildcards", () => {
    expect(matchesPersonName("DÜPONT^Hélène", "dupont^helene")).toBe(true);
    expect(matchesPersonName("DÜPONT^Hélène", "DUP*")).toBe(true);
    expect(matchesPersonName("DÜPONT^Hélène", "DUPONT")).toBe(true);
    expect(matchesPersonName("DÜPONT^Hélène", "*^HEL*")).toBe(true);
    // Trailing empty components are not significant (PS3.5 6.2).
    expect(matchesPersonName("DÜPONT^Hélène", "DUPONT^")).toBe(true);
    expect(matchesPersonName("DÜPONT^Hélène", "DUPONT^LOUISE")).toBe(false);
    expect(matchesPersonName("DÜPONT^Hélène", "MARTIN*")).toBe(false);
    expect(matches({ PatientName: [{ Alphabetic: "dup*" }] })).toBe(true);
  });

  it("keeps a waiting item in the lists of the days until now, not beyond", () => {
    const parsed = parseWorklistQuery(step({ ScheduledProcedureStepStartDate: "20261208" }));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(matchesWorklistQuery(item, parsed.query, NOW)).toBe(false);
    expect(matchesWorklistQuery(item, parsed.query, "20261208001000.000000")).toBe(true);
    const before = parseWorklistQuery(step({ ScheduledProcedureStepStartDate: "20261206" }));
    if (!before.ok) throw new Error(before.reason);
    expect(matchesWorklistQuery(item, before.query, "20261208001000.000000")).toBe(false);
  });

  it("refuses malformed keys with the reason", () => {
    for (const identifier of [
      step({ ScheduledProcedureStepStartDate: "2026-12-07" }),
      step({ ScheduledProcedureStepStartDate: "20261208-20261207" }),
      step({ ScheduledProcedureStepStartTime: "2500" }),
      { ScheduledProcedureStepSequence: [{}, {}] },
      { ScheduledProcedureStepSequence: "CT" },
      { PatientBirthDate: "1950" },
      { StudyInstanceUID: "not-a-uid" },
      { PatientID: [{ CodeValue: "x" }] },
    ]) {
      expect(parseWorklistQuery(identifier).ok, JSON.stringify(identifier)).toBe(false);
    }
  });
});

describe("the worklist response", () => {
  it("returns only the keys asked, empty when the item has no value, sequences cut to the keys of their item", () => {
    const response = worklistResponse(item, { PatientID: "", PatientWeight: "", OtherPatientIDsSequence: [], ScheduledProcedureStepSequence: [{ Modality: "" }] });
    expect(response).toEqual({ PatientID: "IPP123", PatientWeight: "", OtherPatientIDsSequence: [], ScheduledProcedureStepSequence: [{ Modality: "CT" }] });
  });

  it("returns a whole sequence for an empty sequence key, and says UTF-8 when a value has accents", () => {
    const response = worklistResponse(item, { SpecificCharacterSet: "", PatientName: "", ScheduledProcedureStepSequence: [] });
    expect(response.SpecificCharacterSet).toBe("ISO_IR 192");
    expect(response.PatientName).toEqual([{ Alphabetic: "DÜPONT^Hélène" }]);
    expect(response.ScheduledProcedureStepSequence).toEqual(item.ScheduledProcedureStepSequence);
    expect(worklistResponse(item, { PatientID: "" })).not.toHaveProperty("SpecificCharacterSet");
  });
});
