import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { groupName, hourRange, weekdayName } from "./group-name";

const fr = createTranslator("fr");
const en = createTranslator("en");

describe("groupName", () => {
  it("names the requests nobody claimed with the catalogue's words", () => {
    expect(groupName(fr, "radiologist", { key: "none", label: "" })).toBe("Sans radiologue");
    expect(groupName(en, "radiologist", { key: "none", label: "" })).toBe("No radiologist");
    expect(groupName(fr, "radiologist", { key: "3f1c", label: "Dr Anne Dubois" })).toBe("Dr Anne Dubois");
  });

  it("names hours as the hour they span, and weekdays from Monday = 0", () => {
    expect(groupName(fr, "hour", { key: "8", label: "" })).toBe("08 h – 09 h");
    expect(groupName(fr, "hour", { key: "23", label: "" })).toBe("23 h – 00 h");
    expect(groupName(en, "hour", { key: "8", label: "" })).toBe("08:00 – 09:00");
    expect(groupName(fr, "weekday", { key: "0", label: "" })).toBe("Lun");
    expect(groupName(en, "weekday", { key: "6", label: "" })).toBe("Sun");
  });

  it("translates enum values and keeps site names", () => {
    expect(groupName(fr, "priority", { key: "VITAL", label: "" })).toBe("Urgence vitale");
    expect(groupName(fr, "site", { key: "id", label: "BLR — Bellerive" })).toBe("BLR — Bellerive");
  });

  it("shows an unknown key as it is rather than a catalogue path", () => {
    expect(groupName(fr, "priority", { key: "SOMEDAY", label: "" })).toBe("SOMEDAY");
    expect(hourRange(fr, "25")).toBe("25");
    expect(weekdayName(fr, 9)).toBe("9");
  });
});
