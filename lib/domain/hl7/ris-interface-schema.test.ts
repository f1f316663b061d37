import { describe, expect, it } from "vitest";
import { createRisInterfaceSchema, isInterfaceServiceEmail } from "./ris-interface-schema";

const valid = {
  siteId: "5f0c7d5e-7a43-4a8e-9a43-2b3f6f7f1a10",
  label: "RIS du CH Nord",
  sendingApplication: "XPLORE",
  sendingFacility: "CHNORD",
  allowedNetworks: ["10.1.0.0/16"],
  outboundHost: "ris.ch-nord.local",
  outboundPort: 6661,
  receivingApplication: "XPLORE",
  receivingFacility: "CHNORD",
};

const problems = (input: unknown) => {
  const result = createRisInterfaceSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("the RIS interface form", () => {
  it("accepts an interface with its outbound listener, or without any", () => {
    expect(problems(valid)).toEqual({});
    expect(problems({ ...valid, outboundHost: "", outboundPort: null, receivingApplication: "", receivingFacility: "" })).toEqual({});
    expect(problems({ ...valid, outboundHost: "10.1.2.3" })).toEqual({});
    expect(problems({ ...valid, outboundHost: "2001:db8::12" })).toEqual({});
  });

  it("names the field at fault", () => {
    expect(problems({ ...valid, sendingApplication: " " })).toEqual({ sendingApplication: "ris.validation.required" });
    expect(problems({ ...valid, sendingFacility: "CH^NORD" })).toEqual({ sendingFacility: "ris.validation.delimiters" });
    expect(problems({ ...valid, outboundPort: 70000 })).toEqual({ outboundPort: "ris.validation.port" });
    expect(problems({ ...valid, outboundPort: 0 })).toEqual({ outboundPort: "ris.validation.port" });
    expect(problems({ ...valid, outboundHost: "ris host!" })).toEqual({ outboundHost: "ris.validation.host" });
    expect(problems({ ...valid, outboundPort: null })).toEqual({ outboundPort: "ris.validation.portRequired" });
    expect(problems({ ...valid, outboundHost: "" })).toEqual({ outboundHost: "ris.validation.hostRequired" });
  });

  it("recognises the reserved e-mail of a service user", () => {
    expect(isInterfaceServiceEmail("ris-1234@interfaces.invalid")).toBe(true);
    expect(isInterfaceServiceEmail("dr.martin@chu.fr")).toBe(false);
  });
});
