import { describe, expect, it } from "vitest";
import { readFindIdentifier, readLevel } from "./find-identifier";

const level = (value: string) => ({ "00080052": { vr: "CS", Value: [value] } });

describe("a Study Root C-FIND identifier", () => {
  it("reads matching keys into the QIDO query and keeps every asked key to return", () => {
    const read = readFindIdentifier({
      ...level("STUDY"),
      "00100010": { vr: "PN", Value: [{ Alphabetic: "DUPONT*" }] },
      "00080020": { vr: "DA", Value: ["20250101-20251231"] },
      "0020000D": { vr: "UI" },
      "00081030": { vr: "LO" },
      "00200013": { vr: "IS", Value: [3] }, // an IMAGE key at STUDY level: ignored
      "00180050": { vr: "DS" }, // not a key the archive matches on: returned only
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.identifier.level).toBe("STUDY");
    expect(read.identifier.query.conditions.map((c) => [c.key.keyword, c.kind])).toEqual([
      ["PatientName", "person"],
      ["StudyDate", "range"],
    ]);
    expect(read.identifier.returnKeys.map((k) => k.tag)).toEqual(["00100010", "00080020", "0020000D", "00081030", "00180050"]);
    expect(read.identifier.keys).toEqual({ "00100010": "DUPONT*", "00080020": "20250101-20251231" });
  });

  it("matches series keys at SERIES level and UID lists", () => {
    const read = readFindIdentifier({ ...level("SERIES"), "0020000D": { vr: "UI", Value: ["1.2.3", "1.2.4"] }, "00080060": { vr: "CS", Value: ["CT"] } });
    expect(read.ok && read.identifier.query.conditions.map((c) => c.kind)).toEqual(["in", "in"]);
  });

  it("refuses the PATIENT level, an unknown or missing level, and a malformed value", () => {
    expect(readLevel(level("PATIENT"))).toEqual({ ok: false, message: "PATIENT is not a level of Study Root: ask STUDY with patient keys" });
    expect(readLevel(level("WORKLIST")).ok).toBe(false);
    expect(readLevel({}).ok).toBe(false);
    const read = readFindIdentifier({ ...level("STUDY"), "00080020": { vr: "DA", Value: ["2025"] } });
    expect(read.ok).toBe(false);
  });
});
