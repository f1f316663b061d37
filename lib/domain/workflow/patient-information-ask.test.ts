import { describe, expect, it } from "vitest";
import { informersWording, patientInformers } from "./patient-information-ask";

const moreau = { displayName: "Dr Julien Moreau", role: "REFERRER" as const, active: true };

describe("who the radiologist is told to ask for the patient's information", () => {
  it("names the requesting physician alone at a site without a radiographer account", () => {
    const informers = patientInformers({ requester: moreau, activeSiteRadiographers: 0 });
    expect(informers).toEqual({ requesterName: "Dr Julien Moreau", siteHasRadiographer: false });
    expect(informersWording(informers)).toBe("REQUESTER");
  });

  it("names the requesting physician and offers the radiographer where the site has one", () => {
    expect(informersWording(patientInformers({ requester: moreau, activeSiteRadiographers: 2 }))).toBe("REQUESTER_OR_RADIOGRAPHER");
  });

  it("does not name a requester who can no longer record it (left, or not a referrer)", () => {
    expect(informersWording(patientInformers({ requester: { ...moreau, active: false }, activeSiteRadiographers: 1 }))).toBe("RADIOGRAPHER");
    expect(patientInformers({ requester: { ...moreau, role: "RADIOLOGIST" }, activeSiteRadiographers: 0 }).requesterName).toBeNull();
    expect(informersWording(patientInformers({ requester: { ...moreau, active: false }, activeSiteRadiographers: 0 }))).toBe("SITE_REFERRERS");
  });
});
