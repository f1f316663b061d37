import { describe, expect, it } from "vitest";
import { cdaDate, cdaTimestamp } from "./hl7-ts";
import { ippRoot, isOid, siteOid } from "./cda-identifiers";

describe("CDA timestamps", () => {
  it("writes French legal time with its offset, winter and summer", () => {
    expect(cdaTimestamp(new Date("2026-01-08T10:17:00Z"))).toBe("20260108111700+0100");
    expect(cdaTimestamp(new Date("2026-07-08T10:17:05Z"))).toBe("20260708121705+0200");
  });

  it("writes a birth date as the calendar date", () => {
    expect(cdaDate(new Date("1979-03-28T00:00:00Z"))).toBe("19790328");
  });
});

describe("CDA identifiers", () => {
  it("gives each site code its own valid arc", () => {
    expect(isOid(siteOid("CHU-A"))).toBe(true);
    expect(siteOid("CHU-A")).not.toBe(siteOid("CHU-B"));
  });

  it("keeps the RIS's assigning authority when it is an OID, else uses the site's arc", () => {
    expect(ippRoot({ code: "CHU-A" }, "1.2.250.1.71.4.2.2.999")).toBe("1.2.250.1.71.4.2.2.999");
    expect(ippRoot({ code: "CHU-A" }, "CHU-X")).toBe(`${siteOid("CHU-A")}.1`);
    expect(ippRoot({ code: "CHU-A" }, null)).toBe(`${siteOid("CHU-A")}.1`);
  });
});
