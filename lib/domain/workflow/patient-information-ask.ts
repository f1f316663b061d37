import type { Role } from "../enums";

// When reading waits for the patient's information, the radiologist must see at once who can
// record it, and ask them. The requesting physician is named when they still can record it
// (an active referrer of the site); the site's radiographers are offered only when the site
// has one: at sites without a radiographer account, naming them would send the radiologist
// to nobody.

export interface PatientInformers {
  /** The requesting physician, by name, when they can record it themselves. */
  requesterName: string | null;
  /** Whether the site has an active radiographer account. */
  siteHasRadiographer: boolean;
}

/** Which sentence names them: the requester, the radiographer, both, or the site's referrers. */
export type InformersWording = "REQUESTER_OR_RADIOGRAPHER" | "REQUESTER" | "RADIOGRAPHER" | "SITE_REFERRERS";

export function patientInformers(input: {
  requester: { displayName: string; role: Role; active: boolean };
  activeSiteRadiographers: number;
}): PatientInformers {
  const requesterCan = input.requester.active && input.requester.role === "REFERRER";
  return { requesterName: requesterCan ? input.requester.displayName : null, siteHasRadiographer: input.activeSiteRadiographers > 0 };
}

export function informersWording(informers: PatientInformers): InformersWording {
  if (informers.requesterName !== null) return informers.siteHasRadiographer ? "REQUESTER_OR_RADIOGRAPHER" : "REQUESTER";
  // The requester left: any referrer of the site may still record it.
  return informers.siteHasRadiographer ? "RADIOGRAPHER" : "SITE_REFERRERS";
}
